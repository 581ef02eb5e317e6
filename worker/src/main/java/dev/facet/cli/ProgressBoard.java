package dev.facet.cli;

import dev.facet.shoot.ShootState;
import dev.facet.shoot.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One line per product: SKU, stage, round, progress and time. On a terminal the board is redrawn
 * in place, with messages scrolling above it; elsewhere a line is printed whenever a product's line
 * changes.
 */
final class ProgressBoard {

  private static final String CLEAR_LINE = "\u001B[2K";
  private static final String CLEAR_BELOW = "\u001B[J";

  private final Terminal terminal;
  private final Map<String, String> lastPlain = new HashMap<>();
  private int drawnLines;

  ProgressBoard(Terminal terminal) {
    this.terminal = terminal;
  }

  /** Prints a message that stays, e.g. review instructions. */
  void message(String text) {
    erase();
    terminal.out().println(text);
  }

  void draw(List<TrackedShoot> shoots, Instant now) {
    if (terminal.interactive()) {
      erase();
      for (TrackedShoot shoot : shoots) {
        terminal.out().println(CLEAR_LINE + row(shoot) + "  " + clock(shoot.elapsed(now)));
      }
      drawnLines = shoots.size();
    } else {
      for (TrackedShoot shoot : shoots) {
        String line = line(shoot);
        if (!line.equals(lastPlain.put(shoot.sku(), line))) {
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

  /** Aligned columns, for the board that is redrawn in place. */
  private static String row(TrackedShoot shoot) {
    return "%-12s %-18s round %-5s %s"
        .formatted(shoot.sku(), stage(shoot), round(shoot), progress(shoot));
  }

  /** One line per change, for logs and pipes. */
  private static String line(TrackedShoot shoot) {
    return shoot.sku() + " " + stage(shoot) + " round " + round(shoot) + " " + progress(shoot);
  }

  private static String stage(TrackedShoot shoot) {
    return shoot
        .outcome()
        .map(r -> r.outcome().name())
        .or(() -> shoot.state().map(s -> s.stage().name()))
        .orElse(shoot.isFinished() ? "FAILED" : "-");
  }

  private static String round(TrackedShoot shoot) {
    return shoot.state().map(s -> s.round() + "/" + s.maxRounds()).orElse("-");
  }

  private static String progress(TrackedShoot shoot) {
    if (shoot.isFinished()) {
      if (shoot.published()) {
        return "published, " + shoot.outcome().orElseThrow().finals().size() + " images";
      }
      String outcome = shoot.outcome().map(r -> r.outcome().words()).orElse("failed");
      return shoot.failure().map(f -> outcome + ": " + f).orElse(outcome);
    }
    return shoot.state().map(ProgressBoard::progress).orElse(shoot.note());
  }

  private static String progress(ShootState state) {
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
