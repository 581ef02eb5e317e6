package dev.facet.catalog;

import io.temporal.activity.ActivityInterface;

/** The catalog's I/O: its manifest in, its report out. */
@ActivityInterface
public interface CatalogActivities {

  /**
   * Reads {@code limit} products from {@code offset} of the manifest (CSV or JSON) stored under
   * {@code manifestKey}. Rows that cannot be shot come back with a {@code problem}, so one bad row
   * never fails the catalog.
   */
  ManifestPage readManifest(String manifestKey, int offset, int limit);

  /** Keeps one product's outcome for the catalog report. Idempotent. */
  void recordOutcome(ProductOutcome outcome);

  /** Writes the report of every recorded outcome, as CSV and JSON. */
  CatalogReport writeReport(String catalogId);
}
