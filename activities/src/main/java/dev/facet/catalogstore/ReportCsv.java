package dev.facet.catalogstore;

import dev.facet.model.ChannelImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A catalog report as CSV for spreadsheets: one row per product, one {@code images_<channel>}
 * column per channel holding {@code shot=key} entries separated by {@code ;}.
 */
public final class ReportCsv {

  private ReportCsv() {}

  static byte[] write(List<ReportRow> rows) {
    List<String> channels =
        List.copyOf(
            rows.stream()
                .flatMap(row -> row.finals().stream())
                .map(ChannelImage::channel)
                .collect(Collectors.toCollection(TreeSet::new)));
    List<String> header =
        new ArrayList<>(
            List.of(
                "line",
                "sku",
                "status",
                "rounds",
                "cost_usd",
                "paid_lost_usd",
                "qa_passed",
                "qa_failed",
                "qa_failed_checks"));
    channels.forEach(channel -> header.add("images_" + channel));
    header.add("failure");
    StringBuilder csv = new StringBuilder();
    line(csv, header);
    for (ReportRow row : rows) {
      List<String> cells =
          new ArrayList<>(
              List.of(
                  row.line() == 0 ? "" : Integer.toString(row.line()),
                  row.sku(),
                  row.status(),
                  Integer.toString(row.rounds()),
                  String.format(Locale.ROOT, "%.4f", row.costUsd()),
                  String.format(Locale.ROOT, "%.4f", row.lostUsd()),
                  Integer.toString(row.qaPassed()),
                  Integer.toString(row.qaFailed()),
                  String.join("; ", row.failedChecks())));
      for (String channel : channels) {
        cells.add(
            row.finals().stream()
                .filter(image -> image.channel().equals(channel))
                .map(image -> image.shot() + "=" + image.image().key())
                .collect(Collectors.joining("; ")));
      }
      cells.add(row.failure());
      line(csv, cells);
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder csv, List<String> cells) {
    csv.append(cells.stream().map(ReportCsv::cell).collect(Collectors.joining(","))).append("\r\n");
  }

  /** RFC 4180 quoting; text a spreadsheet would run as a formula is prefixed with a quote. */
  public static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
