package dev.facet.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: commas, double quotes, quotes doubled inside quotes, line breaks
 * inside quotes) into records that know the line they start on.
 */
final class CsvRecords {

  record CsvRecord(int line, List<String> fields) {}

  private CsvRecords() {}

  /** The records of {@code text}; a quote that is never closed is a problem, and ends the text. */
  static List<CsvRecord> parse(String text, Problems problems) {
    List<CsvRecord> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int recordLine = 1;
    int quoteLine = 0;
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        quoteLine = line;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        addUnlessBlank(records, recordLine, fields);
        fields = new ArrayList<>();
        line++;
        recordLine = line;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      problems.add(quoteLine, "a quoted value starts here and is never closed");
      return records;
    }
    fields.add(field.toString());
    addUnlessBlank(records, recordLine, fields);
    return records;
  }

  private static void addUnlessBlank(List<CsvRecord> records, int line, List<String> fields) {
    boolean blank = fields.stream().allMatch(String::isBlank);
    if (!blank) {
      records.add(new CsvRecord(line, List.copyOf(fields)));
    }
  }
}
