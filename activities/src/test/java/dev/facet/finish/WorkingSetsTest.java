package dev.facet.finish;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How many photos finish at once: as many as cores, while their working sets fit the budget. */
class WorkingSetsTest {

  private static final long BUDGET = WorkingSets.DEFAULT_MEGABYTES << 20;

  @TempDir Path dir;

  @Test
  void eightCoresFinishTwo3000PxPhotosAtOnceWithinTheDefaultBudget() throws IOException {
    List<Path> photos =
        List.of(jpeg("a", 3000, 3000), jpeg("b", 3000, 3000), jpeg("c", 3000, 3000));
    assertThat(WorkingSets.parallelism(photos, 8, BUDGET)).isEqualTo(2);
    assertThat(WorkingSets.parallelism(photos, 1, BUDGET)).isEqualTo(1);
  }

  @Test
  void aPhotoLargerThanTheBudgetIsFinishedAlone() throws IOException {
    List<Path> photos = List.of(jpeg("small", 1000, 1000), jpeg("large", 6000, 4500));
    assertThat(WorkingSets.estimate(photos.get(1))).isGreaterThan(BUDGET);
    assertThat(WorkingSets.parallelism(photos, 8, BUDGET)).isEqualTo(1);
  }

  @Test
  void whatCannotBeReadCountsForNothingAndIsReportedByTheFinish() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.jpg"), "not a photo");
    assertThat(WorkingSets.estimate(broken)).isZero();
    assertThat(WorkingSets.estimate(dir.resolve("missing.jpg"))).isZero();
    assertThat(WorkingSets.parallelism(List.of(broken, jpeg("a", 1000, 1000)), 8, BUDGET))
        .isEqualTo(2);
  }

  /** A flat JPEG of this size: only its header is read. */
  private Path jpeg(String name, int width, int height) throws IOException {
    Path file = dir.resolve(name + ".jpg");
    ImageIO.write(
        new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpg", file.toFile());
    return file;
  }
}
