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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The finish command, run in-process on fixture photos: its files, its table and its exit codes. */
class FinishCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

  @Test
  void everyUsablePhotoIsFinishedForEveryChannelAndABrokenOneIsReported() throws Exception {
    Path ring = write("ring.jpg", Fixtures.bytes("P06_capture_1.jpg"));
    Path broken = write("broken.jpg", Fixtures.bytes("bad/truncated.jpg"));
    Path finished = dir.resolve("finished");

    int code = run("--channel", "amazon-main", "--channel", "ebay,google-merchant", "--out", finished.toString(),
        ring.toString(), broken.toString(), dir.resolve("missing.jpg").toString());

    String table = out.toString(StandardCharsets.UTF_8);
    System.out.print(table);
    assertThat(code).isEqualTo(FinishCommand.SOME_FAILED);
    assertThat(table).contains("1 of 3 photos finished; 2 could not be")
        .containsPattern("broken\\.jpg +- +- +NOT FINISHED: the JPEG file is corrupt")
        .containsPattern("missing\\.jpg +- +- +NOT FINISHED: no such file");
    assertSize(finished.resolve("ring-amazon-main.jpg"), 2000);
    assertSize(finished.resolve("ring-ebay.jpg"), 1600);
    assertSize(finished.resolve("ring-google-merchant.webp"), 1500);
    RgbImage amazon = ImageDecoder.decode(Files.readAllBytes(finished.resolve("ring-amazon-main.jpg")));
    assertThat(QualityInspector.borderPurity(amazon, 0xFFFFFF)).isEqualTo(1.0);
    // The same digital source type a shoot writes for a composite of the seller's own photo.
    assertThat(new String(Files.readAllBytes(finished.resolve("ring-amazon-main.jpg")), StandardCharsets.ISO_8859_1))
        .contains(FinishCommand.SOURCE.uri());
    assertThat(Files.list(finished)).hasSize(3);
  }

  @Test
  void badArgumentsFinishNothing() {
    assertThat(run("--channel", "amazn", dir.resolve("a.jpg").toString())).isEqualTo(FinishCommand.UNUSABLE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("amazn", "amazon-main", "etsy", "usage: finish");
    assertThat(run("--out")).isEqualTo(FinishCommand.UNUSABLE);
    assertThat(run("--channel", "etsy")).isEqualTo(FinishCommand.UNUSABLE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out needs a value", "no photo given");
    assertThat(out.size()).isZero();
  }

  private static void assertSize(Path file, int side) throws Exception {
    RgbImage image = ImageDecoder.decode(Files.readAllBytes(file));
    assertThat(image.width()).as(file.toString()).isEqualTo(side);
    assertThat(image.height()).as(file.toString()).isEqualTo(side);
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  private int run(String... args) {
    return new FinishCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }
}
