package dev.facet.app.objectstore;

import dev.facet.storage.S3Settings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3-compatible server in this process, storing objects as files under a local folder (S3Proxy).
 * The default object store when nothing else is configured ({@code facet.store.mode=embedded}):
 * Facet talks to it over HTTP with the AWS SDK exactly as it would to real S3. It lives here, with
 * the embedded mode, so S3Proxy and its Jetty and jclouds stay off the activities' classpath.
 */
public final class EmbeddedS3 implements AutoCloseable {

  /** Fixed local credentials: the server only listens on the loopback interface. */
  public static final String ACCESS_KEY = "facet-local";

  public static final String SECRET_KEY = "facet-local-secret";

  private final S3Proxy proxy;
  private final URI endpoint;

  private EmbeddedS3(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  /**
   * Starts a server over {@code folder} on {@code port} (0 picks a free one).
   *
   * @throws IllegalStateException when it cannot start, e.g. the port is taken
   */
  public static EmbeddedS3 start(Path folder, int port) {
    try {
      Files.createDirectories(folder);
      S3Proxy proxy =
          S3Proxy.builder()
              .blobStore(new FilesystemNio2BlobStore(folder.toAbsolutePath().toString()))
              .endpoint(URI.create("http://127.0.0.1:" + port))
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
              .ignoreUnknownHeaders(true)
              .build();
      proxy.start();
      while (!"STARTED".equals(proxy.getState())) {
        Thread.sleep(10);
      }
      return new EmbeddedS3(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot start the embedded S3 server over " + folder + " on port " + port, e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  public S3Settings settings(String bucket) {
    return new S3Settings(endpoint, bucket, "us-east-1", ACCESS_KEY, SECRET_KEY);
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
