package dev.facet.catalog;

import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A catalog as CSV: a header row naming the columns (any order, any case), then one product per
 * row. Stones use {@link StoneList}'s compact form; photos are {@code path@angle} entries separated
 * by {@code ;}.
 */
final class CsvCatalogParser {

  static final List<String> COLUMNS =
      List.of("sku", "name", "type", "metal", "stones", "setting", "engraving", "photos", "policy");
  private static final Set<String> REQUIRED = Set.of("sku", "name", "type", "metal", "photos");

  private CsvCatalogParser() {}

  static List<CatalogRow> parse(String text, Problems problems) {
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
    List<CatalogRow> rows = new ArrayList<>();
    for (CsvRecords.CsvRecord record : records.subList(1, records.size())) {
      if (record.fields().size() != columns.size()) {
        problems.add(
            record.line(), record.fields().size() + " values for " + columns.size() + " columns");
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        values.put(columns.get(i), record.fields().get(i).strip());
      }
      row(record.line(), values, problems).ifPresent(rows::add);
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

  private static Optional<CatalogRow> row(int line, Map<String, String> values, Problems problems) {
    try {
      return Optional.of(
          new CatalogRow(
              line,
              values.get("sku"),
              values.get("name"),
              values.get("type"),
              values.get("metal"),
              StoneList.parse(values.get("stones")),
              values.getOrDefault("setting", ""),
              values.getOrDefault("engraving", ""),
              photos(values.get("photos")),
              values.getOrDefault("policy", "")));
    } catch (IllegalArgumentException e) {
      problems.add(line, e.getMessage());
      return Optional.empty();
    }
  }

  private static List<PhotoSource> photos(String text) {
    List<PhotoSource> photos = new ArrayList<>();
    for (String entry : text.split(";")) {
      if (!entry.isBlank()) {
        try {
          photos.add(PhotoSource.parse(entry));
        } catch (InvalidPathException e) {
          throw new IllegalArgumentException("photo '" + entry.strip() + "' is not a valid path");
        }
      }
    }
    return photos;
  }
}
