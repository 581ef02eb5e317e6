package dev.facet.testing;

import dev.facet.storage.S3ObjectStore;
import dev.facet.storage.S3Settings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real S3 API over HTTP for a test class: S3Proxy over a temporary folder, and a store on a fresh
 * bucket. Use with {@code @RegisterExtension static}. The product's own embedded server is the
 * worker's ({@code dev.facet.app.objectstore.EmbeddedS3}); the activities know S3Proxy in tests
 * only.
 */
public final class EmbeddedS3Extension implements BeforeAllCallback, AfterAllCallback {

  private static final String ACCESS_KEY = "facet-test";
  private static final String SECRET_KEY = "facet-test-secret";

  private S3Proxy server;
  private S3ObjectStore store;
  private Path folder;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    folder = Files.createTempDirectory("facet-s3-");
    server =
        S3Proxy.builder()
            .blobStore(new FilesystemNio2BlobStore(folder.toString()))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .ignoreUnknownHeaders(true)
            .build();
    server.start();
    while (!"STARTED".equals(server.getState())) {
      Thread.sleep(10);
    }
    URI endpoint = URI.create("http://127.0.0.1:" + server.getPort());
    String bucket = "test-" + UUID.randomUUID().toString().substring(0, 8);
    store =
        S3ObjectStore.connect(new S3Settings(endpoint, bucket, "us-east-1", ACCESS_KEY, SECRET_KEY))
            .ensureBucket();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    store.close();
    server.stop();
  }

  public S3ObjectStore store() {
    return store;
  }

  public Path folder() {
    return folder;
  }
}
