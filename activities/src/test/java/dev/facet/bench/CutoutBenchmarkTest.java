package dev.facet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.testing.CutoutCheck;
import dev.facet.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cut-out benchmark in the build: every fixture capture shot through capture, studio generation
 * and post-processing, the finished master image judged against the capture's ground truth. The
 * goal: every image kept ≥ 0.985 and debris ≤ 0.02. {@code bench/cutout} prints the same table and
 * writes the contact sheet.
 */
class CutoutBenchmarkTest {

  @Test
  void finishedImagesKeepThePieceAndLeaveNothingElse() throws Exception {
    List<CutoutBenchmark.Result> results =
        CutoutBenchmark.run(Fixtures.captures(), Runtime.getRuntime().availableProcessors());
    System.out.println(CutoutBenchmark.table(results));
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.figures().kept())
                  .as(r.capture() + " kept")
                  .isGreaterThanOrEqualTo(CutoutCheck.KEPT_GOAL);
              assertThat(r.figures().debris())
                  .as(r.capture() + " debris")
                  .isLessThanOrEqualTo(CutoutCheck.DEBRIS_GOAL);
            });
  }
}
