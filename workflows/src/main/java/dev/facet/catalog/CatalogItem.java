package dev.facet.catalog;

import dev.facet.model.ProductSpec;
import dev.facet.model.ReferencePhoto;
import java.util.List;

/**
 * One product row of a catalog manifest, with its photos already in the object store.
 *
 * @param line where the row is in the manifest, for error messages
 * @param problem why the row cannot be shot (invalid, duplicate SKU), or null when it can
 * @param overrides what the row changes about the catalog's policy; {@link ShootOverrides#NONE}
 *     when nothing (and in histories recorded before rows could)
 */
public record CatalogItem(
    int line,
    ProductSpec product,
    List<ReferencePhoto> photos,
    String problem,
    ShootOverrides overrides) {

  public CatalogItem {
    photos = photos == null ? List.of() : List.copyOf(photos);
    overrides = overrides == null ? ShootOverrides.NONE : overrides;
  }

  /** A row that keeps the catalog's policy. */
  public CatalogItem(int line, ProductSpec product, List<ReferencePhoto> photos, String problem) {
    this(line, product, photos, problem, ShootOverrides.NONE);
  }
}
