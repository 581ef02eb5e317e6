package dev.facet.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The end of a {@code run}: every finished image with its file, then the totals. */
final class RunReport {

  private RunReport() {}

  static void print(
      PrintStream out, List<TrackedShoot> shoots, List<ExportedImage> images, Duration wallTime) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SKU", "SHOT", "CHANNEL", "SIZE", "FILE"});
    for (TrackedShoot shoot : shoots) {
      List<ExportedImage> own = images.stream().filter(i -> i.sku().equals(shoot.sku())).toList();
      for (ExportedImage image : own) {
        rows.add(
            new String[] {
              image.sku(),
              image.shot(),
              image.channel(),
              image.width() + "x" + image.height(),
              shown(image.file())
            });
      }
      if (own.isEmpty()) {
        String outcome = shoot.outcome().map(r -> r.outcome().name()).orElse("FAILED");
        rows.add(
            new String[] {
              shoot.sku(), "-", "-", "-", outcome + shoot.failure().map(f -> ": " + f).orElse("")
            });
      }
    }
    out.println();
    printTable(out, rows);
    long published = shoots.stream().filter(TrackedShoot::published).count();
    out.println();
    out.printf(
        "%s: %d published, %d not published; %s; wall time %s%n",
        count(shoots.size(), "product"),
        published,
        shoots.size() - published,
        count(images.size(), "image"),
        words(wallTime));
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static void printTable(PrintStream out, List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length - 1; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i < row.length - 1 ? pad(row[i], widths[i] + 2) : row[i]);
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  /** Relative to the working directory when the file lies below it. */
  private static String shown(Path file) {
    Path here = Path.of("").toAbsolutePath();
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }

  static String words(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 60
        ? "%.1fs".formatted(duration.toMillis() / 1000.0)
        : "%dm %02ds".formatted(seconds / 60, seconds % 60);
  }
}
