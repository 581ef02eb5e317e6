package dev.facet.storage;

import dev.facet.model.ImageRef;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** {@link ObjectStore} over the S3 API (AWS SDK v2). */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {

  private static final String SHA256 = "sha256";
  private static final String WIDTH = "width";
  private static final String HEIGHT = "height";

  /** Keys per ListObjectsV2 request: S3's maximum. */
  private static final int LIST_PAGE = 1000;

  private final S3Client s3;
  private final String bucket;
  private final int listPage;

  public S3ObjectStore(S3Client s3, String bucket) {
    this(s3, bucket, LIST_PAGE);
  }

  private S3ObjectStore(S3Client s3, String bucket, int listPage) {
    this.s3 = s3;
    this.bucket = bucket;
    this.listPage = listPage;
  }

  /** The same store, listing {@code keys} keys per request: lets a test cross pages cheaply. */
  S3ObjectStore listingPagesOf(int keys) {
    return new S3ObjectStore(s3, bucket, keys);
  }

  public static S3ObjectStore connect(S3Settings settings) {
    var builder =
        S3Client.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials(settings))
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(60)));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint()).forcePathStyle(true);
    }
    return new S3ObjectStore(builder.build(), settings.bucket());
  }

  private static AwsCredentialsProvider credentials(S3Settings settings) {
    return settings.accessKey() == null
        ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(
            AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
  }

  /** Creates the bucket unless it exists. */
  public S3ObjectStore ensureBucket() {
    try {
      s3.createBucket(b -> b.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException e) {
      // Already there: nothing to do.
    } catch (S3Exception e) {
      if (e.statusCode() != 409) {
        throw e;
      }
    }
    return this;
  }

  /**
   * Throws unless the bucket answers a HEAD within {@code timeout}: the cheapest request that
   * proves the endpoint, the credentials and the bucket.
   */
  public void checkBucket(Duration timeout) {
    s3.headBucket(b -> b.bucket(bucket).overrideConfiguration(c -> c.apiCallTimeout(timeout)));
  }

  @Override
  public ImageRef put(String key, byte[] bytes, String mediaType, int width, int height) {
    String sha256 = Digests.sha256(bytes);
    s3.putObject(
        b ->
            b.bucket(bucket)
                .key(key)
                .contentType(mediaType)
                .metadata(
                    Map.of(
                        SHA256, sha256,
                        WIDTH, Integer.toString(width),
                        HEIGHT, Integer.toString(height))),
        RequestBody.fromBytes(bytes));
    return new ImageRef(key, sha256, bytes.length, mediaType, width, height);
  }

  @Override
  public byte[] get(String key) {
    try {
      return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    } catch (NoSuchKeyException e) {
      throw new MissingObjectException(bucket, key);
    }
  }

  @Override
  public Optional<ImageRef> find(String key) {
    try {
      HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
      Map<String, String> meta = head.metadata();
      return Optional.of(
          new ImageRef(
              key,
              meta.getOrDefault(SHA256, ""),
              head.contentLength(),
              head.contentType(),
              Integer.parseInt(meta.getOrDefault(WIDTH, "0")),
              Integer.parseInt(meta.getOrDefault(HEIGHT, "0"))));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<String> list(String prefix) {
    // The paginator follows the continuation tokens.
    return s3
        .listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).maxKeys(listPage))
        .contents()
        .stream()
        .map(S3Object::key)
        .toList();
  }

  @Override
  public void delete(String key) {
    s3.deleteObject(b -> b.bucket(bucket).key(key));
  }

  @Override
  public String bucket() {
    return bucket;
  }

  @Override
  public void close() {
    s3.close();
  }

  /** Lowercase hex SHA-256. */
  static final class Digests {
    static String sha256(byte[] bytes) {
      try {
        return HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every JRE", e);
      }
    }
  }
}
