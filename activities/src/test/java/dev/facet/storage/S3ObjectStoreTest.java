package dev.facet.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.model.ImageRef;
import dev.facet.testing.EmbeddedS3Extension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class S3ObjectStoreTest {

  @RegisterExtension static final EmbeddedS3Extension s3 = new EmbeddedS3Extension();

  @Test
  void putThenFindKeepsDigestAndPixelSizeWithoutDownloading() {
    byte[] bytes = "not really a png".getBytes(StandardCharsets.UTF_8);

    ImageRef put = s3.store().put("a/b/c.png", bytes, "image/png", 640, 480);

    // sha256 of "not really a png", from `printf 'not really a png' | sha256sum`
    assertThat(put.sha256())
        .isEqualTo("e90137d39de304eefbbe788bc535c7e82f27abbf8069505fbbd8a9dcdc4f2024");
    assertThat(put.bytes()).isEqualTo(bytes.length);
    assertThat(s3.store().find("a/b/c.png")).contains(put);
    assertThat(s3.store().get("a/b/c.png")).isEqualTo(bytes);
  }

  @Test
  void absentObjectsAreEmptyOrAClearError() {
    assertThat(s3.store().find("nope/none.png")).isEmpty();
    assertThatThrownBy(() -> s3.store().get("nope/none.png"))
        .isInstanceOf(MissingObjectException.class)
        .hasMessageContaining("nope/none.png");
  }

  @Test
  void listsEveryKeyUnderAPrefixAcrossPages() {
    byte[] one = {1};
    List<String> keys = IntStream.range(0, 7).mapToObj(i -> "many/%02d.json".formatted(i)).toList();
    keys.forEach(key -> s3.store().put(key, one, "application/json"));
    s3.store().put("many-not/0.json", one, "application/json");
    S3ObjectStore listingByThree = s3.store().listingPagesOf(3);

    assertThat(listingByThree.list("many/")).containsExactlyElementsOf(keys);
    assertThat(s3.store().list("many/")).containsExactlyElementsOf(keys);
    assertThat(s3.store().list("nothing/")).isEmpty();
  }

  @Test
  void deleteRemovesAnObjectAndIgnoresAMissingOne() {
    s3.store().put("gone/a.txt", new byte[] {1}, "text/plain");

    s3.store().delete("gone/a.txt");
    s3.store().delete("gone/a.txt");

    assertThat(s3.store().find("gone/a.txt")).isEmpty();
  }
}
