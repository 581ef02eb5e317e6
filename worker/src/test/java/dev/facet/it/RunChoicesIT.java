package dev.facet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./facet run examples/catalog.csv --channels etsy,amazon --variants 2} as a seller types
 * it: the real jar, the real shoot on the studio renderer, in-process Temporal.
 */
class RunChoicesIT {

  @TempDir Path folder;

  @Test
  void theExampleCatalogIsShotForTheChosenChannelsWithTheChosenVariants() throws Exception {
    Path out = folder.resolve("out");
    Path data = folder.resolve("data");
    int exit;
    try (FacetProcess run =
        FacetProcess.start(
            folder.resolve("run.log"),
            "run",
            RealStack.repository().resolve("examples/catalog.csv").toString(),
            "--channels",
            "etsy,amazon",
            "--variants",
            "2",
            "--out",
            out.toString(),
            "--server.port=" + RealStack.freePort(),
            "--facet.data=" + data,
            "--facet.temporal.mode=in-process")) {
      exit = run.exitCode(Duration.ofMinutes(8));
      assertThat(exit).as(run.output()).isZero();
      assertThat(run.output())
          .contains("Channels: etsy, amazon-main; providers: studio; 2 variants per shot");
    }

    List<String> skus = List.of("P01", "P03", "P05");
    for (String sku : skus) {
      for (String shot : List.of("hero", "profile")) {
        assertSize(out.resolve(sku + "/" + shot + "-etsy.jpg"), 2000, 2000);
        assertSize(out.resolve(sku + "/" + shot + "-amazon-main.jpg"), 2000, 2000);
        assertThat(out.resolve(sku + "/" + shot + "-master.jpg")).doesNotExist();
      }
    }
    try (Stream<Path> files = Files.walk(data)) {
      List<String> candidates =
          files
              .map(Path::toString)
              .filter(path -> path.matches(".*/r1/generate/[a-z]+/v\\d+\\.jpg"))
              .toList();
      assertThat(candidates).as("products × shots × 2 variants").hasSize(skus.size() * 2 * 2);
    }
    assertThat(out.resolve("index.html"))
        .content()
        .contains(
            "<img src=\"P01/hero-etsy.jpg\" alt=\"hero · etsy · 2000×2000 · studio · $0.00 · round 1\"");
  }

  private static void assertSize(Path image, int width, int height) throws IOException {
    BufferedImage read = ImageIO.read(image.toFile());
    assertThat(read).as(image.toString()).isNotNull();
    assertThat(read.getWidth()).as(image + " width").isEqualTo(width);
    assertThat(read.getHeight()).as(image + " height").isEqualTo(height);
  }
}
