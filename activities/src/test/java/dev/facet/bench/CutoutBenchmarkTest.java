package dev.facet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cut-out benchmark in the build: every fixture capture shot through capture, studio generation
 * and post-processing, the finished master image judged against the capture's ground truth. The
 * goal (every image kept ≥ 0.985, debris ≤ 0.02) is not met on every capture yet; this holds the
 * build to where it stands, so a regression fails it. {@code bench/cutout} prints the same table
 * and writes the contact sheet.
 */
class CutoutBenchmarkTest {

  @Test
  void finishedImagesKeepThePieceAndLeaveNothingElse() throws Exception {
    List<CutoutBenchmark.Result> results =
        CutoutBenchmark.run(Fixtures.captures(), Runtime.getRuntime().availableProcessors());
    System.out.println(CutoutBenchmark.table(results));
    assertThat(results.stream().filter(CutoutBenchmark.Result::clean).count())
        .as("clean images of 18")
        .isGreaterThanOrEqualTo(16);
    // The lowest kept, P02_capture_3 (0.986), is the edge-on ring's band where it mirrors the
    // paper; the most debris, P04_capture_3 (0.024), the umbra under the studs' backs.
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.figures().kept()).as(r.capture() + " kept").isGreaterThanOrEqualTo(0.98);
              assertThat(r.figures().debris())
                  .as(r.capture() + " debris")
                  .isLessThanOrEqualTo(0.03);
            });
  }
}
