package dev.facet.app.run;

import dev.facet.catalogstore.ReportRow;
import dev.facet.consistency.CollectionConsistency;
import dev.facet.model.ProviderSpend;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The end of a {@code run}: every finished image with its file, then the totals. */
final class RunReport {

  private RunReport() {}

  static void print(PrintStream out, RunOutcome outcome, Duration wallTime) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SKU", "SHOT", "CHANNEL", "SIZE", "FILE"});
    for (ReportRow row : outcome.rows()) {
      List<ExportedImage> own =
          outcome.images().stream().filter(i -> i.sku().equals(row.sku())).toList();
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
      if (!outcome.published(row)) {
        String why = outcome.exportFailures().getOrDefault(row.sku(), row.failure());
        rows.add(notPublished(row.sku(), row.status(), why));
      }
    }
    for (CatalogUpload.Refused refused : outcome.refused()) {
      rows.add(notPublished(refused.sku(), "REFUSED", refused.reason()));
    }
    out.println();
    printTable(out, rows);
    out.println();
    out.printf(
        "%s: %d published, %d not published; %s; wall time %s%n",
        count(outcome.products(), "product"),
        outcome.published(),
        outcome.products() - outcome.published(),
        count(outcome.images().size(), "image"),
        words(wallTime));
    List<ProviderSpend> spend =
        outcome.rows().stream().map(ReportRow::spend).reduce(List.of(), ProviderSpend::sum);
    if (!spend.isEmpty()) {
      out.println(cost(spend));
    }
  }

  /**
   * "Provider cost: $0.3600; flux $0.3200 paid and delivered, $0.0400 paid and lost (1 maybe
   * billed)".
   */
  static String cost(List<ProviderSpend> spend) {
    return String.format(Locale.ROOT, "Provider cost: $%.4f; ", ProviderSpend.totalUsd(spend))
        + spend.stream()
            .map(
                s ->
                    String.format(
                        Locale.ROOT,
                        "%s $%.4f paid and delivered, $%.4f paid and lost (%d maybe billed)",
                        s.provider(),
                        s.deliveredUsd(),
                        s.lostUsd(),
                        s.maybeBilled()))
            .collect(Collectors.joining("; "));
  }

  /** One line on how alike the published products look, naming those to re-shoot. */
  static String consistency(CollectionConsistency consistency) {
    if (consistency.products() == 0) {
      return "Consistency: no published product could be compared.";
    }
    if (consistency.outliers().isEmpty()) {
      return String.format(
          Locale.ROOT,
          "Consistency: the %s look alike (backdrop L* %.1f-%.1f, %.0f-%.0f K, product scale"
              + " %.2f-%.2f).",
          count(consistency.products(), "published product"),
          consistency.backdropLightness().min(),
          consistency.backdropLightness().max(),
          consistency.backdropKelvin().min(),
          consistency.backdropKelvin().max(),
          consistency.productScale().min(),
          consistency.productScale().max());
    }
    return "Consistency: "
        + consistency.outliers().size()
        + " of "
        + count(consistency.products(), "published product")
        + " stray from the set; re-shoot "
        + consistency.outliers().stream()
            .map(o -> o.sku() + " (" + String.join(", ", o.reasons()) + ")")
            .collect(Collectors.joining("; "))
        + ".";
  }

  private static String[] notPublished(String sku, String status, String why) {
    return new String[] {sku, "-", "-", "-", why.isBlank() ? status : status + ": " + why};
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** Columns as wide as their widest cell; the first row is the header. */
  static void printTable(PrintStream out, List<String[]> rows) {
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
  static String shown(Path file) {
    Path here = Path.of("").toAbsolutePath();
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }

  static String words(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds >= 3600) {
      return "%dh %02dm".formatted(seconds / 3600, seconds % 3600 / 60);
    }
    return seconds < 60
        ? "%.1fs".formatted(duration.toMillis() / 1000.0)
        : "%dm %02ds".formatted(seconds / 60, seconds % 60);
  }
}
