package dev.facet.catalog;

import java.util.List;

/**
 * A slice of a catalog manifest. Pages keep each activity result small, whatever the catalog size.
 *
 * @param total products in the whole manifest
 */
public record ManifestPage(List<CatalogItem> items, int total) {

  public ManifestPage {
    items = List.copyOf(items);
  }
}
