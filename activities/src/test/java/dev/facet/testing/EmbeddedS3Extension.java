package dev.facet.testing;

import dev.facet.storage.EmbeddedS3;
import dev.facet.storage.S3ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real S3 API over HTTP for a test class: the embedded server over a temporary folder, and a
 * store on a fresh bucket. Use with {@code @RegisterExtension static}.
 */
public final class EmbeddedS3Extension implements BeforeAllCallback, AfterAllCallback {

  private EmbeddedS3 server;
  private S3ObjectStore store;
  private Path folder;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    folder = Files.createTempDirectory("facet-s3-");
    server = EmbeddedS3.start(folder, 0);
    store =
        S3ObjectStore.connect(server.settings("test-" + UUID.randomUUID().toString().substring(0, 8)))
            .ensureBucket();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    store.close();
    server.close();
  }

  public S3ObjectStore store() {
    return store;
  }

  public EmbeddedS3 server() {
    return server;
  }

  public Path folder() {
    return folder;
  }
}
