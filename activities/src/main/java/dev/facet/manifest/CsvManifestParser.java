package dev.facet.manifest;

import dev.facet.model.NameList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A manifest as CSV: a header row naming the columns (any order, any case), then one product per
 * row. Stones use {@link StoneList}'s compact form; photos are {@code reference@angle} entries
 * separated by {@code ;}, and so are a row's own channels and providers ({@link RowOverrides}).
 */
final class CsvManifestParser {

  static final List<String> COLUMNS =
      List.of(
          "sku",
          "name",
          "type",
          "metal",
          "stones",
          "setting",
          "engraving",
          "photos",
          "policy",
          "channels",
          "providers",
          "variants");
  private static final Set<String> REQUIRED = Set.of("sku", "name", "type", "metal", "photos");

  private CsvManifestParser() {}

  /** Every product row; what is wrong with the file as a whole goes to {@code problems}. */
  static List<ManifestRow> parse(String text, Problems problems) {
    List<CsvRecords.CsvRecord> records = CsvRecords.parse(text, problems);
    if (records.isEmpty()) {
      problems.add(
          1, "no header row; the first row names the columns: " + String.join(",", COLUMNS));
      return List.of();
    }
    CsvRecords.CsvRecord header = records.get(0);
    List<String> columns =
        header.fields().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
    if (!headerFits(header.line(), columns, problems)) {
      return List.of();
    }
    List<ManifestRow> rows = new ArrayList<>();
    for (CsvRecords.CsvRecord record : records.subList(1, records.size())) {
      if (record.fields().size() != columns.size()) {
        rows.add(
            ManifestRow.unreadable(
                record.line(),
                record.fields().size() + " values for " + columns.size() + " columns"));
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        values.put(columns.get(i), record.fields().get(i).strip());
      }
      rows.add(row(record.line(), values));
    }
    return rows;
  }

  private static boolean headerFits(int line, List<String> columns, Problems problems) {
    boolean fits = true;
    for (String column : columns) {
      if (!COLUMNS.contains(column)) {
        problems.add(
            line, "unknown column '" + column + "'; the columns are " + String.join(", ", COLUMNS));
        fits = false;
      }
    }
    for (String required : REQUIRED) {
      if (!columns.contains(required)) {
        problems.add(line, "the column '" + required + "' is missing");
        fits = false;
      }
    }
    return fits;
  }

  private static ManifestRow row(int line, Map<String, String> values) {
    try {
      return new ManifestRow(
          line,
          values.get("sku"),
          values.get("name"),
          values.get("type"),
          values.get("metal"),
          StoneList.parse(values.get("stones")),
          values.getOrDefault("setting", ""),
          values.getOrDefault("engraving", ""),
          photos(values.get("photos")),
          values.getOrDefault("policy", ""),
          NameList.cell(values.get("channels")),
          NameList.cell(values.get("providers")),
          values.getOrDefault("variants", ""),
          null);
    } catch (IllegalArgumentException e) {
      return ManifestRow.unreadable(line, e.getMessage());
    }
  }

  private static List<PhotoReference> photos(String text) {
    List<PhotoReference> photos = new ArrayList<>();
    for (String entry : text.split(";")) {
      if (!entry.isBlank()) {
        photos.add(PhotoReference.parse(entry));
      }
    }
    return photos;
  }
}
