package dev.facet.catalog;

import dev.facet.model.ProductSpec;
import dev.facet.model.ReferencePhoto;
import java.util.List;

/**
 * One product row of a catalog manifest, with its photos already in the object store.
 *
 * @param line where the row is in the manifest, for error messages
 * @param problem why the row cannot be shot (invalid, duplicate SKU), or null when it can
 */
public record CatalogItem(int line, ProductSpec product, List<ReferencePhoto> photos, String problem) {

  public CatalogItem {
    photos = photos == null ? List.of() : List.copyOf(photos);
  }
}
