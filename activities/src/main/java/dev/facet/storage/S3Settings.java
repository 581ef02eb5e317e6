package dev.facet.storage;

import java.net.URI;

/**
 * Where the object store is. With an {@code endpoint} it is any S3-compatible server (the embedded
 * one, MinIO, R2); without, it is AWS S3 with the default credential chain.
 *
 * @param endpoint S3 API endpoint, or {@code null} for AWS
 * @param bucket bucket holding every Facet object
 * @param region signing region
 * @param accessKey access key id, or {@code null} for the AWS default credential chain
 * @param secretKey secret access key
 */
public record S3Settings(
    URI endpoint, String bucket, String region, String accessKey, String secretKey) {

  @Override
  public String toString() {
    // Never print the secret.
    return "S3Settings[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + "]";
  }
}
