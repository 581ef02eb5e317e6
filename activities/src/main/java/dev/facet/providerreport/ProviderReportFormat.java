package dev.facet.providerreport;

import dev.facet.catalogstore.ReportCsv;
import dev.facet.routing.ProviderReport;
import dev.facet.routing.ProviderStats;
import dev.facet.steps.Providers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The provider report as CSV (for spreadsheets) and as a text table (for the terminal). */
public final class ProviderReportFormat {

  /** The QA checks the report has a column for: metal tone, stone fidelity, shape, background. */
  static final List<String> CHECKS =
      List.of("metal-tone", "stone-tone", "silhouette", "detail", "background");

  private ProviderReportFormat() {}

  public static byte[] csv(ProviderReport report) {
    List<String> header =
        new ArrayList<>(
            List.of(
                "category",
                "provider",
                "models",
                "images",
                "failed_generations",
                "judged",
                "accepted"));
    CHECKS.forEach(check -> header.add(check.replace('-', '_') + "_pass_rate"));
    header.addAll(
        List.of(
            "fidelity_pass_rate",
            "human_votes",
            "selection_share",
            "rejection_rate",
            "regeneration_rate",
            "p50_ms",
            "p95_ms",
            "cost_usd",
            "cost_per_accepted_usd"));
    StringBuilder csv = new StringBuilder();
    line(csv, header);
    for (ProviderStats r : report.rows()) {
      List<String> cells =
          new ArrayList<>(
              List.of(
                  r.category(),
                  r.provider(),
                  String.join(" ", r.models()),
                  i(r.images()),
                  i(r.failedGenerations()),
                  i(r.judged()),
                  i(r.accepted())));
      CHECKS.forEach(
          check ->
              cells.add(
                  r.checkPassRate().containsKey(check) ? d(r.checkPassRate().get(check)) : ""));
      cells.addAll(
          List.of(
              d(r.fidelityPassRate()),
              i(r.humanVotes()),
              r.selectionShare() == null ? "" : d(r.selectionShare()),
              d(r.rejectionRate()),
              d(r.regenerationRate()),
              Long.toString(r.p50Millis()),
              Long.toString(r.p95Millis()),
              d(r.costUsd()),
              r.costPerAcceptedUsd() == null ? "" : d(r.costPerAcceptedUsd())));
      line(csv, cells);
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Rates as percentages, times in seconds; "-" where there is nothing to measure. */
  public static String table(ProviderReport report) {
    int width = report.rows().stream().mapToInt(r -> generator(r).length()).max().orElse(0);
    String format =
        "%-22s %-"
            + Math.max(8, width)
            + "s %6s %6s %6s %6s %6s %6s %6s %6s %6s %9s %7s %6s %6s %7s %7s %10s%n";
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                format,
                "category",
                "provider",
                "images",
                "failed",
                "judged",
                "accept",
                "metal",
                "stone",
                "shape",
                "backgr",
                "fidel.",
                "votes",
                "reject",
                "regen",
                "p50 s",
                "p95 s",
                "cost",
                "$/accepted"));
    for (ProviderStats r : report.rows()) {
      out.append(
          String.format(
              Locale.ROOT,
              format,
              r.category(),
              generator(r),
              r.images(),
              r.failedGenerations(),
              r.judged(),
              r.accepted(),
              pct(r, "metal-tone"),
              pct(r, "stone-tone"),
              pct(r, "silhouette"),
              pct(r, "background"),
              r.judged() == 0 ? "-" : pct(r.fidelityPassRate()),
              r.humanVotes() + (r.selectionShare() == null ? "" : " " + pct(r.selectionShare())),
              r.judged() == 0 ? "-" : pct(r.rejectionRate()),
              pct(r.regenerationRate()),
              secs(r.p50Millis()),
              secs(r.p95Millis()),
              String.format(Locale.ROOT, "$%.2f", r.costUsd()),
              r.costPerAcceptedUsd() == null
                  ? "-"
                  : String.format(Locale.ROOT, "$%.4f", r.costPerAcceptedUsd())));
    }
    out.append(report.shoots())
        .append(" finished shoots, computed ")
        .append(report.generatedAt())
        .append('\n');
    return out.toString();
  }

  /** The row's name, and for a bare provider name the models it ran. */
  private static String generator(ProviderStats r) {
    boolean bare = Providers.modelOf(r.provider()).isEmpty();
    return bare && !r.models().isEmpty()
        ? r.provider() + " [" + String.join(", ", r.models()) + "]"
        : r.provider();
  }

  private static String pct(ProviderStats r, String check) {
    Double rate = r.checkPassRate().get(check);
    return rate == null ? "-" : pct(rate);
  }

  private static String pct(double rate) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * rate);
  }

  private static String secs(long millis) {
    return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
  }

  private static String i(int value) {
    return Integer.toString(value);
  }

  private static String d(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static void line(StringBuilder csv, List<String> cells) {
    csv.append(cells.stream().map(ReportCsv::cell).collect(Collectors.joining(","))).append("\r\n");
  }
}
