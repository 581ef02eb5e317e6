package dev.facet.app.catalog;

import dev.facet.catalog.CatalogProgress;
import java.util.List;

/**
 * The products of a catalog waiting for a reviewer, each with where to see it and decide.
 *
 * @param count how many wait; the list holds the first {@link CatalogProgress#AWAITING_LISTED}
 */
record AwaitingReview(String catalogId, int count, List<Product> products) {

  record Product(String sku, String stateUrl, String decisionsUrl) {}

  static AwaitingReview of(CatalogProgress progress) {
    return new AwaitingReview(
        progress.catalogId(),
        progress.awaitingHuman(),
        progress.awaiting().stream()
            .map(sku -> new Product(sku, "/api/shoots/" + sku, "/api/shoots/" + sku + "/decisions"))
            .toList());
  }
}
