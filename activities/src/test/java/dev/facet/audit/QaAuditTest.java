package dev.facet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facet.imaging.ChannelFinisher;
import dev.facet.imaging.ChannelPresets;
import dev.facet.imaging.ColourScience;
import dev.facet.imaging.DigitalSourceType;
import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.ImageEncoder;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Lab;
import dev.facet.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit command, run in-process on fixture files: verdicts, output and exit codes. */
class QaAuditTest {

  @TempDir static Path dir;
  static Path reference, faithful, rose;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(),
      err = new ByteArrayOutputStream();

  /** P06 (18k yellow gold eternity band): its studio photo finished for Amazon, and a rose copy. */
  @BeforeAll
  static void files() throws Exception {
    reference = write("P06_capture_1.jpg", Fixtures.bytes("P06_capture_1.jpg"));
    RgbImage ideal = Fixtures.photo("P06_studio");
    byte[] finished =
        new ChannelFinisher()
            .finish(
                ideal,
                null,
                ChannelPresets.builtIn().get("amazon-main"),
                DigitalSourceType.COMPOSITE_SYNTHETIC)
            .bytes();
    faithful = write("faithful.jpg", finished);
    rose = write("rose.png", ImageEncoder.png(roseGold(ImageDecoder.decode(finished))));
  }

  @Test
  void aFaithfulImagePassesWithATable() {
    int code = run(reference, faithful, "amazon-main", false);
    String table = out.toString(StandardCharsets.UTF_8);
    System.out.print(table);
    assertThat(code).as(table).isEqualTo(QaAudit.PASSED);
    assertThat(table.lines().findFirst().orElseThrow())
        .startsWith("check")
        .contains("value", "threshold", "result", "detail");
    assertThat(table)
        .contains(
            "metal-tone",
            "silhouette",
            "detail",
            "text",
            "compression",
            "background-border",
            "PASSED for amazon-main");
    // Aligned: every row's value column ends at the same position.
    int valueEnd = table.lines().findFirst().orElseThrow().indexOf("value") + "value".length();
    assertThat(table.lines().filter(l -> !l.startsWith("PASSED")))
        .allSatisfy(l -> assertThat(l.charAt(valueEnd)).isEqualTo(' '));
  }

  @Test
  void anAlteredImageFailsAsJson() throws Exception {
    int code = run(reference, rose, "etsy", true);
    JsonNode report = new ObjectMapper().readTree(out.toByteArray());
    System.out.println(
        report.toPrettyString().lines().limit(20).reduce("", (a, b) -> a + b + "\n"));
    assertThat(code).isEqualTo(QaAudit.FAILED);
    assertThat(report.get("passed").asBoolean()).isFalse();
    assertThat(report.get("channel").asText()).isEqualTo("etsy");
    JsonNode tone = null;
    for (JsonNode c : report.get("checks"))
      if (c.get("name").asText().equals("metal-tone")) tone = c;
    assertThat(tone).isNotNull();
    assertThat(tone.get("passed").asBoolean()).isFalse();
    assertThat(tone.get("blocking").asBoolean()).isTrue();
    assertThat(tone.get("value").asDouble()).isGreaterThan(tone.get("threshold").asDouble());
  }

  @Test
  void unusableInputExitsWithTwoAndSaysWhy() throws Exception {
    assertThat(run(reference, dir.resolve("none.jpg"), "amazon-main", false))
        .isEqualTo(QaAudit.UNUSABLE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read", "none.jpg");

    err.reset();
    Path text = write("text.jpg", Fixtures.bytes("bad/not_an_image.jpg"));
    assertThat(run(reference, text, "amazon-main", false)).isEqualTo(QaAudit.UNUSABLE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("candidate", "cannot be decoded");

    err.reset();
    Path blurred = write("blurred.jpg", Fixtures.bytes("bad/blurred.jpg"));
    assertThat(run(blurred, faithful, "amazon-main", false)).isEqualTo(QaAudit.UNUSABLE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("reference", "blurred.jpg", "not usable", "too blurry");

    err.reset();
    assertThat(run(reference, faithful, "etsi", false)).isEqualTo(QaAudit.UNUSABLE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown channel \"etsi\"", "etsy", "walmart");
  }

  /**
   * The audit of one candidate against one reference (the worker's qa command reads its options).
   */
  private int run(Path reference, Path candidate, String channel, boolean json) {
    return new QaAudit(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(new AuditArguments(List.of(reference), candidate, channel, null, json));
  }

  private static Path write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  /** 18k yellow gold's tint turned to rose gold's on every coloured pixel. */
  private static RgbImage roseGold(RgbImage image) {
    int[] out = image.pixels().clone();
    for (int i = 0; i < out.length; i++) {
      Lab lab = ColourScience.lab(out[i]);
      if (Math.hypot(lab.a(), lab.b()) >= 8) {
        out[i] = ColourScience.toRgb(new Lab(lab.l(), lab.a() + 16, lab.b() - 27));
      }
    }
    return new RgbImage(image.width(), image.height(), out);
  }
}
