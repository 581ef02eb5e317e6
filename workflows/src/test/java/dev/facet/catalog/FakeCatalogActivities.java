package dev.facet.catalog;

import dev.facet.model.ImageRef;
import dev.facet.model.ProductSpec;
import dev.facet.model.ReferencePhoto;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** A manifest of {@code size} generated products; rows in {@code invalidLines} are bad. */
final class FakeCatalogActivities implements CatalogActivities {

  final int size;
  final Set<Integer> invalidLines;
  final List<String> reportsWritten = new CopyOnWriteArrayList<>();
  final AtomicInteger manifestReads = new AtomicInteger();

  /** What a product changes about the catalog's policy, by its index. */
  final Map<Integer, ShootOverrides> overrides = new ConcurrentHashMap<>();

  FakeCatalogActivities(int size, Set<Integer> invalidLines) {
    this.size = size;
    this.invalidLines = invalidLines;
  }

  static String sku(int index) {
    return String.format("SKU-%05d", index);
  }

  @Override
  public ManifestPage readManifest(String manifestKey, int offset, int limit) {
    manifestReads.incrementAndGet();
    List<CatalogItem> items =
        IntStream.range(offset, Math.min(size, offset + limit))
            .mapToObj(
                i ->
                    new CatalogItem(
                        i + 2,
                        new ProductSpec(sku(i), null, "ring", "18k yellow gold", null, null, null),
                        List.of(new ReferencePhoto("uploads/" + i + "/0", "front")),
                        invalidLines.contains(i + 2) ? "metal is required" : null,
                        overrides.getOrDefault(i, ShootOverrides.NONE)))
            .toList();
    return new ManifestPage(items, size);
  }

  @Override
  public void recordOutcome(ProductOutcome outcome) {}

  @Override
  public CatalogReport writeReport(String catalogId) {
    reportsWritten.add(catalogId);
    return new CatalogReport(
        new ImageRef("catalogs/" + catalogId + "/report.csv", "", 1, "text/csv", 0, 0),
        new ImageRef("catalogs/" + catalogId + "/report.json", "", 1, "application/json", 0, 0),
        size);
  }
}
