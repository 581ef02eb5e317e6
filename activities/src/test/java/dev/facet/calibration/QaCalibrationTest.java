package dev.facet.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.ChannelPresets;
import dev.facet.imaging.QaThresholds;
import dev.facet.imaging.QualityInspector;
import dev.facet.imaging.ReferenceSet;
import dev.facet.imaging.RgbImage;
import dev.facet.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calibrates the automated QA: builds the faithful and altered images of every fixture piece
 * ({@link CalibrationSet}), inspects each against the piece's three captures, prints the recall,
 * precision and false-reject rate of every check and the detection of every alteration (also
 * written to target/calibration.md, every measured value to target/calibration-values.csv), and
 * asserts the rates the current checks reach, so a change that weakens QA fails the build.
 *
 * <p>To stay fast enough for every build the finished images are half size: the studio photos
 * scaled by 0.5, amazon-main's rules on a 1000 px frame (its minimum long side scaled alike); the
 * references stay full size, as in a shoot. The full-size run:
 * {@code -Dfacet.calibration.scale=1} (several minutes; the asserted rates hold for the default).
 */
class QaCalibrationTest {

  static final String COMMAND =
      "./mvnw -q -o -pl activities -am test -Dtest=QaCalibrationTest -Dsurefire.failIfNoSpecifiedTests=false";

  private static final double SCALE = Double.parseDouble(System.getProperty("facet.calibration.scale", "0.5"));

  private static CalibrationReport report;

  @BeforeAll
  static void run() throws Exception {
    ChannelPreset preset = scaled(ChannelPresets.builtIn().get("amazon-main"), SCALE);
    QualityInspector inspector = new QualityInspector(QaThresholds.defaults());
    List<CalibrationReport.Result> results = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(6, Runtime.getRuntime().availableProcessors())));
    long t0 = System.nanoTime();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int p = 1; p <= 6; p++) {
        String product = "P0" + p;
        work.add(pool.submit(() -> {
          // References at full size, as a shoot measures them: the segmenter is tuned for it.
          List<RgbImage> captures =
              IntStream.rangeClosed(1, 3).mapToObj(c -> Fixtures.photo(product + "_capture_" + c)).toList();
          ReferenceSet references = ReferenceSet.of(captures);
          new CalibrationSet(product, references, preset).build(captures, SCALE, c ->
              results.add(new CalibrationReport.Result(c.product(), c.base(), c.alteration(), c.targets(),
                  inspector.inspect(c.image(), references.expectations(preset)))));
          return null;
        }));
      }
      for (Future<?> f : work) f.get();
    } finally {
      pool.shutdownNow();
    }
    report = new CalibrationReport(results);
    String markdown = report.markdown(
        String.format(Locale.ROOT, "%s at scale %.2f (%dx%d frame)", preset.name(), SCALE, preset.width(), preset.height()),
        COMMAND);
    System.out.println(markdown);
    System.out.printf(Locale.ROOT, "calibration took %.1f s%n", (System.nanoTime() - t0) / 1e9);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "calibration.md"), markdown);
    Files.writeString(Path.of("target", "calibration-values.csv"), report.csv());
  }

  @Test
  void everyPieceIsCalibratedOnFaithfulAndAlteredImages() {
    assertThat(report.faithful()).hasSize(6 * 2);
    assertThat(report.altered()).hasSizeGreaterThanOrEqualTo(6 * 11);
  }

  /**
   * Recall of each check on the defects made for it: the rates the checks reach on this set today,
   * rounded down, so a change that weakens one fails the build. Checks missing here (stone-tone,
   * detail) are not reliable enough on this set to hold to a bar; the printed table shows where
   * they stand.
   */
  @Test
  void eachCheckCatchesTheDefectMadeForIt() {
    for (String check : List.of("metal-tone", "fill", "background", "background-border", "compression", "sharpness")) {
      assertThat(report.recall(check)).as(check).isEqualTo(1.0);
    }
    // Shifting by a fifth of the frame leaves a narrow, centred piece inside it for some pieces.
    assertThat(report.recall("in-frame")).as("in-frame").isGreaterThanOrEqualTo(0.6);
    // The corner signature is found; the faint diagonal "SAMPLE" is not (values printed in the table).
    assertThat(report.recall("text")).as("text").isGreaterThanOrEqualTo(0.5);
    // Every mirrored piece but the bangle, whose mirror image has the same outline.
    assertThat(report.recall("silhouette")).as("silhouette").isGreaterThanOrEqualTo(0.8);
  }

  /**
   * Altered images rejected by some blocking check (not necessarily the one they target). The misses
   * today are stones removed, added or recoloured: the detail check does not see them, and
   * stone-tone only warns. 0.82 at the default half size, 0.77 at full size (where no faithful
   * image is rejected either, and silhouette no longer catches a stone change by accident).
   */
  @Test
  void alteredImagesAreRejected() {
    assertThat(report.detectionRate()).as("altered images rejected by some blocking check").isGreaterThanOrEqualTo(0.75);
  }

  /**
   * A bar against getting worse, not a claim of quality: a quarter of the faithful images are
   * rejected today, by silhouette on half-size finishes or by metal-tone (listed under "Misses and
   * false rejects"; the full-size run rejects fewer).
   */
  @Test
  void falseRejectsDoNotGrow() {
    assertThat(report.falseRejectRate()).as("faithful images rejected by some blocking check").isLessThanOrEqualTo(0.25);
  }

  /** amazon-main's rules at {@code scale} of its size; fill, background and the QA rules unchanged. */
  static ChannelPreset scaled(ChannelPreset a, double scale) {
    if (scale == 1) return a;
    return new ChannelPreset(a.name() + "@" + Math.round(a.width() * scale), a.about(),
        (int) Math.round(a.width() * scale), (int) Math.round(a.height() * scale), (int) Math.round(a.minLongSide() * scale),
        a.background(), a.targetFill(), a.minFill(), a.shadow(), a.format(), a.quality(), a.sharpenAmount(),
        a.sharpenSigma(), a.qa());
  }
}
