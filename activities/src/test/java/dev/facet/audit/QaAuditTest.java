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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit command, run in-process on fixture files: verdicts, output and exit codes. */
class QaAuditTest {

  @TempDir static Path dir;
  static Path reference, faithful, rose;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

  /** P06 (18k yellow gold eternity band): its studio photo finished for Amazon, and a rose copy. */
  @BeforeAll
  static void files() throws Exception {
    reference = write("P06_capture_1.jpg", Fixtures.bytes("P06_capture_1.jpg"));
    RgbImage ideal = Fixtures.photo("P06_studio");
    byte[] finished = new ChannelFinisher()
        .finish(ideal, null, ChannelPresets.builtIn().get("amazon-main"), DigitalSourceType.COMPOSITE_SYNTHETIC)
        .bytes();
    faithful = write("faithful.jpg", finished);
    rose = write("rose.png", ImageEncoder.png(roseGold(ImageDecoder.decode(finished))));
  }

  @Test
  void aFaithfulImagePassesWithATable() {
    int code = run("qa", "--reference", reference.toString(), "--candidate", faithful.toString());
    String table = out.toString(StandardCharsets.UTF_8);
    System.out.print(table);
    assertThat(code).as(table).isEqualTo(QaAudit.PASSED);
    assertThat(table.lines().findFirst().orElseThrow()).startsWith("check").contains("value", "threshold", "result", "detail");
    assertThat(table).contains("metal-tone", "silhouette", "detail", "text", "compression", "background-border", "PASSED for amazon-main");
    // Aligned: every row's value column ends at the same position.
    int valueEnd = table.lines().findFirst().orElseThrow().indexOf("value") + "value".length();
    assertThat(table.lines().filter(l -> !l.startsWith("PASSED"))).allSatisfy(l -> assertThat(l.charAt(valueEnd)).isEqualTo(' '));
  }

  @Test
  void anAlteredImageFailsAsJson() throws Exception {
    int code = run("--reference", reference.toString(), "--candidate", rose.toString(), "--channel", "etsy", "--json");
    JsonNode report = new ObjectMapper().readTree(out.toByteArray());
    System.out.println(report.toPrettyString().lines().limit(20).reduce("", (a, b) -> a + b + "\n"));
    assertThat(code).isEqualTo(QaAudit.FAILED);
    assertThat(report.get("passed").asBoolean()).isFalse();
    assertThat(report.get("channel").asText()).isEqualTo("etsy");
    JsonNode tone = null;
    for (JsonNode c : report.get("checks")) if (c.get("name").asText().equals("metal-tone")) tone = c;
    assertThat(tone).isNotNull();
    assertThat(tone.get("passed").asBoolean()).isFalse();
    assertThat(tone.get("blocking").asBoolean()).isTrue();
    assertThat(tone.get("value").asDouble()).isGreaterThan(tone.get("threshold").asDouble());
  }

  @Test
  void unusableInputExitsWithTwoAndSaysWhy() throws Exception {
    assertThat(run("--reference", reference.toString(), "--candidate", dir.resolve("none.jpg").toString()))
        .isEqualTo(QaAudit.UNUSABLE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read", "none.jpg");

    err.reset();
    Path text = write("text.jpg", Fixtures.bytes("bad/not_an_image.jpg"));
    assertThat(run("--reference", reference.toString(), "--candidate", text.toString())).isEqualTo(QaAudit.UNUSABLE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("candidate", "cannot be decoded");

    err.reset();
    Path blurred = write("blurred.jpg", Fixtures.bytes("bad/blurred.jpg"));
    assertThat(run("--reference", blurred.toString(), "--candidate", faithful.toString())).isEqualTo(QaAudit.UNUSABLE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("reference", "blurred.jpg", "not usable", "too blurry");

    err.reset();
    assertThat(run("--reference", reference.toString(), "--candidate", faithful.toString(), "--channel", "etsi"))
        .isEqualTo(QaAudit.UNUSABLE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown channel \"etsi\"", "etsy", "walmart");

    err.reset();
    assertThat(run("--candidate", faithful.toString())).isEqualTo(QaAudit.UNUSABLE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no --reference photo given", "usage: qa --reference");
  }

  private int run(String... args) {
    return new QaAudit(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
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
