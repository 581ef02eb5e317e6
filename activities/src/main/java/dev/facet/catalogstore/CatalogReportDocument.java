package dev.facet.catalogstore;

import dev.facet.consistency.CollectionConsistency;
import dev.facet.model.ProviderSpend;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON report of a catalog ({@code catalogs/<id>/report.json}).
 *
 * @param statuses how many products ended in each status
 * @param costUsd what the providers would bill for the catalog: its shoots' ledgers' total
 * @param spend those ledgers summed per provider: paid and delivered, paid and lost
 * @param rows one per product, in manifest order
 * @param consistency how alike the published products look, with those to re-shoot
 */
public record CatalogReportDocument(
    String catalogId,
    int products,
    Map<String, Integer> statuses,
    double costUsd,
    List<ProviderSpend> spend,
    List<ReportRow> rows,
    CollectionConsistency consistency) {

  public CatalogReportDocument {
    statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
    spend = spend == null ? List.of() : List.copyOf(spend);
    rows = List.copyOf(rows);
  }

  /** Reads {@code report.json} back, e.g. to show a finished catalog's products. */
  public static CatalogReportDocument fromJson(byte[] json) {
    return CatalogJson.read(json, CatalogReportDocument.class);
  }
}
