package dev.facet.app.objectstore;

import dev.facet.storage.S3ObjectStore;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** {@code /actuator/health} component "objectStore": does the bucket answer a HEAD? */
class ObjectStoreHealthIndicator extends AbstractHealthIndicator {

  /** Well below a Kubernetes probe's timeout, so a hung store reads DOWN rather than no answer. */
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final S3ObjectStore store;

  ObjectStoreHealthIndicator(S3ObjectStore store) {
    super("Object store health check failed");
    this.store = store;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("bucket", store.bucket());
    store.checkBucket(TIMEOUT);
    builder.up();
  }
}
