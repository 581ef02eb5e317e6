package dev.facet.app.run;

import dev.facet.catalogstore.ReportRow;
import java.util.List;
import java.util.Map;

/**
 * What a {@code run} achieved, product by product.
 *
 * @param rows the catalog report's rows, in manifest order
 * @param refused products left out of the catalog because their photos were refused
 * @param images the finished images copied out
 * @param exportFailures published products whose images could not be copied, with why
 */
record RunOutcome(
    List<ReportRow> rows,
    List<CatalogUpload.Refused> refused,
    List<ExportedImage> images,
    Map<String, String> exportFailures) {

  int products() {
    return rows.size() + refused.size();
  }

  /** Published, and its images copied out. */
  boolean published(ReportRow row) {
    return row.published() && !exportFailures.containsKey(row.sku());
  }

  long published() {
    return rows.stream().filter(this::published).count();
  }

  boolean everyProductPublished() {
    return published() == products();
  }
}
