package dev.facet.audit;

import dev.facet.model.QaCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** QA checks as an aligned text table: check, value, threshold, result, detail. */
public final class QaTable {

  private QaTable() {}

  public static String render(List<QaCheck> checks) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"check", "value", "threshold", "result", "detail"});
    for (QaCheck c : checks) {
      rows.add(
          new String[] {
            c.name(),
            number(c.value()),
            c.comparator() + " " + number(c.threshold()),
            result(c),
            c.detail()
          });
    }
    int[] width = new int[5];
    for (String[] row : rows)
      for (int k = 0; k < 4; k++) width[k] = Math.max(width[k], row[k].length());
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      out.append(pad(row[0], width[0], false))
          .append("  ")
          .append(pad(row[1], width[1], true))
          .append("  ")
          .append(pad(row[2], width[2], false))
          .append("  ")
          .append(pad(row[3], width[3], false))
          .append("  ")
          .append(row[4])
          .append('\n');
    }
    return out.toString();
  }

  static String result(QaCheck c) {
    if (c.passed()) return "pass";
    return c.blocking() ? "FAIL" : "warn";
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.format(Locale.ROOT, "%.0f", v);
    return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
  }

  private static String pad(String s, int width, boolean right) {
    String space = " ".repeat(Math.max(0, width - s.length()));
    return right ? space + s : s + space;
  }
}
