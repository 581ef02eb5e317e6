package dev.facet.app.objectstore;

import dev.facet.FacetProperties;
import dev.facet.storage.S3ObjectStore;
import dev.facet.storage.S3Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The object store every step, the API and the CLI share. */
@Configuration(proxyBeanMethods = false)
class ObjectStoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ObjectStoreConfiguration.class);

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "facet.store.mode", havingValue = "embedded", matchIfMissing = true)
  EmbeddedS3 embeddedS3(FacetProperties facet, StoreProperties store) {
    EmbeddedS3 server = EmbeddedS3.start(facet.data().resolve("s3"), store.embeddedPort());
    log.info("Embedded object store at {} over {}", server.endpoint(), facet.data().resolve("s3"));
    return server;
  }

  @Bean(destroyMethod = "close")
  S3ObjectStore objectStore(StoreProperties store, ObjectProvider<EmbeddedS3> embedded) {
    S3Settings settings =
        store.mode() == StoreProperties.Mode.EMBEDDED
            ? embedded.getObject().settings(store.bucket())
            : new S3Settings(
                store.endpoint(),
                store.bucket(),
                store.region(),
                store.accessKey(),
                store.secretKey());
    log.info("Object store: {}", settings);
    return S3ObjectStore.connect(settings).ensureBucket();
  }

  @Bean
  ObjectStoreHealthIndicator objectStoreHealthIndicator(S3ObjectStore objectStore) {
    return new ObjectStoreHealthIndicator(objectStore);
  }
}
