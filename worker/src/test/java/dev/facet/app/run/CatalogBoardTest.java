package dev.facet.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.catalog.CatalogProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CatalogBoardTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Instant now = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void aTerminalGetsTheBarAndAFewProductsRedrawnInPlace() {
    CatalogBoard board = new CatalogBoard(terminal(true));
    List<TrackedProduct> products =
        IntStream.range(0, 15).mapToObj(i -> new TrackedProduct("P" + i, now)).toList();

    board.draw(progress(40, 10, 15, 3, 14, 1, 95), products, now);
    board.draw(progress(40, 9, 15, 3, 15, 1, 90), products, now);

    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains(
            "catalog summer [█████████░░░░░░░░░░░░░░░] 15/40 done (14 published, 1 failed)"
                + " · 12 in progress · 3 awaiting a reviewer · ETA 1:35")
        .contains("P11          -                  round -     starting  0:00")
        .doesNotContain("P12 ")
        .contains("  … and 3 more in progress")
        // The second drawing first moves up over the 14 lines of the first.
        .contains("\u001B[14A\r\u001B[J");
  }

  @Test
  void elsewhereALineOnlyWhenTheCountsChange() {
    CatalogBoard board = new CatalogBoard(terminal(false));

    board.draw(progress(40, 10, 15, 3, 14, 1, 95), List.of(), now);
    board.draw(progress(40, 10, 15, 3, 14, 1, 80), List.of(), now);
    board.draw(progress(40, 9, 15, 3, 15, 1, 70), List.of(), now);

    assertThat(printed.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "catalog summer [#########...............] 15/40 done (14 published, 1 failed), 12 in"
                + " progress, 3 awaiting a reviewer, ETA 1:35",
            "catalog summer [#########...............] 16/40 done (15 published, 1 failed), 12 in"
                + " progress, 3 awaiting a reviewer, ETA 1:10");
  }

  private Terminal terminal(boolean interactive) {
    return new Terminal(new PrintStream(printed, true, StandardCharsets.UTF_8), interactive);
  }

  private static CatalogProgress progress(
      int total, int queued, int inProgress, int awaiting, int published, int failed, long eta) {
    return new CatalogProgress(
        "summer",
        "running",
        total,
        queued,
        inProgress,
        awaiting,
        List.of(),
        published,
        0,
        0,
        failed,
        0,
        List.of(),
        0.0,
        eta,
        1,
        List.of());
  }
}
