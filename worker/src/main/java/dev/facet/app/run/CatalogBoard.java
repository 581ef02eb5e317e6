package dev.facet.app.run;

import dev.facet.catalog.CatalogProgress;
import dev.facet.shoot.ShootState;
import dev.facet.shoot.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog's progress bar (done, in progress, awaiting a reviewer, failed, ETA) and one line per
 * product in progress. On a terminal the board is redrawn in place, with messages scrolling above
 * it; elsewhere a line is printed whenever the catalog's counts or a product's line change.
 */
final class CatalogBoard {

  private static final String CLEAR_LINE = "\u001B[2K";
  private static final String CLEAR_BELOW = "\u001B[J";
  private static final int BAR_WIDTH = 24;

  /** Products listed on a terminal; a window of 100 would push the bar off the screen. */
  private static final int ROWS_SHOWN = 12;

  private final Terminal terminal;
  private final Map<String, String> lastPlain = new HashMap<>();
  private String lastCounts = "";
  private int drawnLines;

  CatalogBoard(Terminal terminal) {
    this.terminal = terminal;
  }

  /** Prints a message that stays, e.g. review instructions. */
  void message(String text) {
    erase();
    terminal.out().println(text);
    terminal.out().flush();
  }

  void draw(CatalogProgress progress, List<TrackedProduct> inProgress, Instant now) {
    if (terminal.interactive()) {
      erase();
      List<String> lines = new ArrayList<>();
      lines.add(counts(progress, true) + eta(progress, " · "));
      inProgress.stream()
          .limit(ROWS_SHOWN)
          .forEach(p -> lines.add("  " + row(p) + "  " + clock(Duration.between(p.since(), now))));
      if (inProgress.size() > ROWS_SHOWN) {
        lines.add("  … and " + (inProgress.size() - ROWS_SHOWN) + " more in progress");
      }
      lines.forEach(line -> terminal.out().println(CLEAR_LINE + line));
      drawnLines = lines.size();
    } else {
      String counts = counts(progress, false);
      if (!counts.equals(lastCounts)) {
        // The ETA changes every second; only a change in the counts earns a new line.
        terminal.out().println(counts + eta(progress, ", "));
        lastCounts = counts;
      }
      for (TrackedProduct product : inProgress) {
        String line = line(product);
        if (!line.equals(lastPlain.put(product.sku(), line))) {
          terminal.out().println(line);
        }
      }
    }
    terminal.out().flush();
  }

  private void erase() {
    if (terminal.interactive() && drawnLines > 0) {
      terminal.out().print("\u001B[" + drawnLines + "A\r" + CLEAR_BELOW);
      drawnLines = 0;
    }
  }

  /** "catalog summer [####....] 23/50 done (21 published, 2 failed), 5 in progress, …". */
  static String counts(CatalogProgress p, boolean fancy) {
    int done = p.total() - p.queued() - p.inProgress();
    String separator = fancy ? " · " : ", ";
    StringBuilder text = new StringBuilder("catalog ").append(p.catalogId());
    if (!p.status().equals("running")) {
      text.append(" (").append(p.status()).append(')');
    }
    if (p.total() == 0 && p.status().equals("running")) {
      return text.append(": reading its manifest").toString();
    }
    text.append(' ')
        .append(bar(done, p.total(), fancy))
        .append(' ')
        .append(done)
        .append('/')
        .append(p.total())
        .append(" done");
    List<String> outcomes = new ArrayList<>();
    count(outcomes, p.published(), "published");
    count(outcomes, p.failed(), "failed");
    count(outcomes, p.rejected(), "rejected");
    count(outcomes, p.expired(), "expired");
    count(outcomes, p.cancelled(), "cancelled");
    if (!outcomes.isEmpty()) {
      text.append(" (").append(String.join(", ", outcomes)).append(')');
    }
    text.append(separator)
        .append(p.inProgress() - p.awaitingHuman())
        .append(" in progress")
        .append(separator)
        .append(p.awaitingHuman())
        .append(" awaiting a reviewer");
    if (p.budget() != null && p.budget().reached()) {
      text.append(separator).append(p.budget().held()).append(" held at the budget");
    }
    return text.toString();
  }

  private static void count(List<String> outcomes, int n, String what) {
    if (n > 0) {
      outcomes.add(n + " " + what);
    }
  }

  static String bar(int done, int total, boolean fancy) {
    int filled = total == 0 ? BAR_WIDTH : (int) ((long) done * BAR_WIDTH / total);
    return fancy
        ? "[" + "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled) + "]"
        : "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
  }

  /** Nothing while the manifest is being read: there is nothing to estimate yet. */
  private static String eta(CatalogProgress progress, String separator) {
    if (progress.total() == 0) {
      return "";
    }
    return separator
        + "ETA "
        + (progress.etaSeconds() < 0
            ? "unknown"
            : clock(Duration.ofSeconds(progress.etaSeconds())));
  }

  /** Aligned columns, for the board that is redrawn in place. */
  private static String row(TrackedProduct product) {
    return "%-12s %-18s round %-5s %s"
        .formatted(product.sku(), stage(product), round(product), words(product));
  }

  /** One line per change, for logs and pipes. */
  private static String line(TrackedProduct product) {
    return product.sku() + " " + stage(product) + " round " + round(product) + " " + words(product);
  }

  private static String stage(TrackedProduct product) {
    return product.state().map(s -> s.stage().name()).orElse("-");
  }

  private static String round(TrackedProduct product) {
    return product.state().map(s -> s.round() + "/" + s.maxRounds()).orElse("-");
  }

  private static String words(TrackedProduct product) {
    return product.state().map(CatalogBoard::words).orElse("starting");
  }

  private static String words(ShootState state) {
    String words = state.stageWords() == null ? state.stage().words() : state.stageWords();
    if (state.stage() == Stage.GENERATING && !state.prompts().isEmpty()) {
      long made =
          state.candidates().stream().filter(c -> c.candidate().round() == state.round()).count();
      return words + " (" + made + "/" + state.prompts().size() * state.policy().variants() + ")";
    }
    if (state.stage() == Stage.POST_PROCESSING && !state.selections().isEmpty()) {
      int expected = state.selections().size() * state.policy().channels().size();
      return words + " (" + Math.min(state.outputs().size(), expected) + "/" + expected + ")";
    }
    return words;
  }

  static String clock(Duration elapsed) {
    long seconds = elapsed.toSeconds();
    return "%d:%02d".formatted(seconds / 60, seconds % 60);
  }
}
