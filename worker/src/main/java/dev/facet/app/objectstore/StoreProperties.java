package dev.facet.app.objectstore;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where images live.
 *
 * @param mode {@code embedded}: an S3-compatible server in this process over {@code <data>/s3};
 *     {@code external}: any S3 API (AWS, MinIO, R2)
 * @param bucket the bucket holding every Facet object; created when missing
 * @param embeddedPort port of the embedded server, 0 for a free one
 * @param endpoint external S3 API endpoint; empty for AWS S3
 * @param region signing region
 * @param accessKey external access key id; empty for the AWS default credential chain
 * @param secretKey external secret access key
 */
@ConfigurationProperties("facet.store")
public record StoreProperties(
    @DefaultValue("embedded") Mode mode,
    @DefaultValue("facet") String bucket,
    @DefaultValue("0") int embeddedPort,
    URI endpoint,
    @DefaultValue("us-east-1") String region,
    String accessKey,
    String secretKey) {

  public StoreProperties {
    // An empty FACET_STORE_ACCESS_KEY means "not set", not an empty key.
    accessKey = accessKey == null || accessKey.isBlank() ? null : accessKey;
    secretKey = secretKey == null || secretKey.isBlank() ? null : secretKey;
  }

  public enum Mode {
    EMBEDDED,
    EXTERNAL
  }

  @Override
  public String toString() {
    // Never print the secret.
    return "StoreProperties[mode=%s, bucket=%s, endpoint=%s, region=%s]"
        .formatted(mode, bucket, endpoint, region);
  }
}
