package dev.facet.catalogstore;

import dev.facet.manifest.Identifier;
import dev.facet.manifest.ManifestFormat;
import dev.facet.storage.ObjectStore;
import java.util.Optional;

/**
 * Where a catalog keeps its objects: {@code catalogs/<id>/manifest.<csv|json>}, {@code
 * catalogs/<id>/outcomes/<sku>.json}, {@code catalogs/<id>/looks/<sku>.json} and {@code
 * catalogs/<id>/report.<csv|json>}. Ids and SKUs are checked here, because they become parts of
 * keys.
 */
public final class CatalogKeys {

  private CatalogKeys() {}

  public static String manifest(String catalogId, ManifestFormat format) {
    return folder(catalogId) + "manifest." + format.extension();
  }

  /** The manifest stored for the catalog, in whichever format. */
  public static Optional<String> findManifest(ObjectStore store, String catalogId) {
    return store.list(folder(catalogId) + "manifest.").stream()
        .filter(key -> ManifestFormat.of(key).isPresent())
        .findFirst();
  }

  public static String outcomes(String catalogId) {
    return folder(catalogId) + "outcomes/";
  }

  public static String outcome(String catalogId, String sku) {
    return productFile(outcomes(catalogId), sku);
  }

  /** How each published product's hero photo looks, for the consistency report. */
  public static String looks(String catalogId) {
    return folder(catalogId) + "looks/";
  }

  public static String look(String catalogId, String sku) {
    return productFile(looks(catalogId), sku);
  }

  public static String reportCsv(String catalogId) {
    return folder(catalogId) + "report.csv";
  }

  public static String reportJson(String catalogId) {
    return folder(catalogId) + "report.json";
  }

  /** A product's {@code <sku>.json} in {@code folder}. */
  private static String productFile(String folder, String sku) {
    if (!Identifier.SKU.isValid(sku)) {
      throw new IllegalArgumentException(Identifier.SKU.describeInvalid(sku));
    }
    return folder + sku + ".json";
  }

  private static String folder(String catalogId) {
    if (!Identifier.CATALOG.isValid(catalogId)) {
      throw new IllegalArgumentException(Identifier.CATALOG.describeInvalid(catalogId));
    }
    return "catalogs/" + catalogId + "/";
  }
}
