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
 * Calibrates the automated QA: builds the faithful and altered finished images of every fixture
 * piece ({@link CalibrationSet}) at full size, as a shoot makes them for amazon-main, inspects each
 * against the piece's three captures, prints the recall, precision and false-reject rate of every
 * check and the detection of every alteration (also written to target/calibration.md, every
 * measured value to target/calibration-values.csv), and holds the build to the goals: defects
 * caught by some blocking check 95 % of the time, detail defects (stones, prongs) 80 %, faithful
 * images rejected at most 5 % of the time.
 */
class QaCalibrationTest {

  static final String COMMAND =
      "./mvnw -q -pl activities -am test -Dtest=QaCalibrationTest -Dsurefire.failIfNoSpecifiedTests=false";

  private static CalibrationReport report;

  @BeforeAll
  static void run() throws Exception {
    ChannelPreset preset = ChannelPresets.builtIn().get("amazon-main");
    QualityInspector inspector = new QualityInspector(QaThresholds.defaults());
    List<CalibrationReport.Result> results = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(6, Runtime.getRuntime().availableProcessors())));
    long t0 = System.nanoTime();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int p = 1; p <= 6; p++) {
        String product = "P0" + p;
        work.add(
            pool.submit(
                () -> {
                  List<RgbImage> captures =
                      IntStream.rangeClosed(1, 3)
                          .mapToObj(c -> Fixtures.photo(product + "_capture_" + c))
                          .toList();
                  ReferenceSet references = ReferenceSet.of(captures);
                  new CalibrationSet(product, references, preset)
                      .build(
                          captures,
                          c ->
                              results.add(
                                  new CalibrationReport.Result(
                                      c.product(),
                                      c.base(),
                                      c.alteration(),
                                      c.targets(),
                                      inspector.inspect(
                                          c.image(), references.expectations(preset)))));
                  return null;
                }));
      }
      for (Future<?> f : work) f.get();
    } finally {
      pool.shutdownNow();
    }
    report = new CalibrationReport(results);
    String markdown =
        report.markdown(
            String.format(Locale.ROOT, "%s, %dx%d", preset.name(), preset.width(), preset.height()),
            COMMAND);
    System.out.println(markdown);
    System.out.printf(Locale.ROOT, "calibration took %.1f s%n", (System.nanoTime() - t0) / 1e9);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "calibration.md"), markdown);
    Files.writeString(Path.of("target", "calibration-values.csv"), report.csv());
  }

  @Test
  void everyPieceIsCalibratedOnFaithfulAndAlteredImages() {
    assertThat(report.faithful().size() + report.flawedCutOuts().size())
        .isEqualTo(6 * (3 + 1 + 2 * 3));
    assertThat(report.faithful()).hasSizeGreaterThanOrEqualTo(50);
    assertThat(report.altered()).hasSizeGreaterThanOrEqualTo(6 * 14);
  }

  @Test
  void defectsAreCaughtAndFaithfulImagesPass() {
    assertThat(report.detectionRate())
        .as("defects rejected by some blocking check")
        .isGreaterThanOrEqualTo(0.95);
    assertThat(report.detectionRate(CalibrationSet.DETAIL_DEFECTS))
        .as("stone and prong defects rejected")
        .isGreaterThanOrEqualTo(0.8);
    assertThat(report.falseRejectRate())
        .as("faithful images rejected by some blocking check")
        .isLessThanOrEqualTo(0.05);
    assertThat(report.flawedCutOuts())
        .as("finishes whose cut-out is not clean")
        .allSatisfy(
            r ->
                assertThat(r.rejected())
                    .as(r.product() + " " + r.base() + " " + r.alteration())
                    .isTrue());
  }

  /**
   * Recall of the checks whose defects are unambiguous, on the defects made for them: each catches
   * every one.
   */
  @Test
  void eachCheckCatchesTheDefectMadeForIt() {
    for (String check :
        List.of(
            "metal-tone", "fill", "background", "background-border", "compression", "sharpness")) {
      assertThat(report.recall(check)).as(check).isEqualTo(1.0);
    }
  }
}
