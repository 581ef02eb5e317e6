package dev.facet.finish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.QualityInspector;
import dev.facet.imaging.RgbImage;
import dev.facet.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The finish command, run in-process on fixture photos: its files, its table and its exit codes.
 */
class FinishCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(),
      err = new ByteArrayOutputStream();

  @Test
  void everyUsablePhotoIsFinishedForEveryChannelAndABrokenOneIsReported() throws Exception {
    Path ring = write("ring.jpg", Fixtures.bytes("P06_capture_1.jpg"));
    Path broken = write("broken.jpg", Fixtures.bytes("bad/truncated.jpg"));
    Path finished = dir.resolve("finished");

    int code =
        run(
            List.of("amazon-main", "ebay", "google-merchant", "ebay"),
            finished,
            ring,
            broken,
            dir.resolve("missing.jpg"));

    String table = out.toString(StandardCharsets.UTF_8);
    System.out.print(table);
    assertThat(code).isEqualTo(FinishCommand.SOME_FAILED);
    assertThat(table)
        .contains("1 of 3 photos finished; 2 could not be")
        .containsPattern("broken\\.jpg +- +- +NOT FINISHED: the JPEG file is corrupt")
        .containsPattern("missing\\.jpg +- +- +NOT FINISHED: no such file");
    assertSize(finished.resolve("ring-amazon-main.jpg"), 2000);
    assertSize(finished.resolve("ring-ebay.jpg"), 1600);
    assertSize(finished.resolve("ring-google-merchant.webp"), 1500);
    RgbImage amazon =
        ImageDecoder.decode(Files.readAllBytes(finished.resolve("ring-amazon-main.jpg")));
    assertThat(QualityInspector.borderPurity(amazon, 0xFFFFFF)).isEqualTo(1.0);
    // The same digital source type a shoot writes for a composite of the seller's own photo.
    assertThat(
            new String(
                Files.readAllBytes(finished.resolve("ring-amazon-main.jpg")),
                StandardCharsets.ISO_8859_1))
        .contains(FinishCommand.SOURCE.uri());
    assertThat(Files.list(finished)).hasSize(3);
  }

  @Test
  void anUnknownChannelFinishesNothing() {
    assertThat(run(List.of("amazn"), dir, dir.resolve("a.jpg"))).isEqualTo(FinishCommand.UNUSABLE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("amazn", "amazon-main", "etsy");
    assertThat(out.size()).isZero();
  }

  @Test
  void withoutChannelsItFinishesForTheDefaultOne() {
    assertThat(new FinishArguments(List.of(), dir, null, List.of(dir)).channels())
        .containsExactly(FinishArguments.DEFAULT_CHANNEL);
  }

  private static void assertSize(Path file, int side) throws Exception {
    RgbImage image = ImageDecoder.decode(Files.readAllBytes(file));
    assertThat(image.width()).as(file.toString()).isEqualTo(side);
    assertThat(image.height()).as(file.toString()).isEqualTo(side);
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  /**
   * The photos finished for the channels (the worker's finish command reads them from its options).
   */
  private int run(List<String> channels, Path folder, Path... photos) {
    return new FinishCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(new FinishArguments(channels, folder, null, List.of(photos)));
  }
}
