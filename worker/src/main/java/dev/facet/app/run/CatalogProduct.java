package dev.facet.app.run;

import dev.facet.catalog.ShootOverrides;
import dev.facet.model.ProductSpec;
import java.util.List;

/**
 * One product of a catalog file.
 *
 * @param line where it starts in the file
 * @param photos its reference photos, which exist
 * @param overrides what the product changes about the catalog's policy, names as written
 */
public record CatalogProduct(
    int line, ProductSpec spec, List<PhotoFile> photos, ShootOverrides overrides) {

  public CatalogProduct {
    photos = List.copyOf(photos);
    overrides = overrides == null ? ShootOverrides.NONE : overrides;
  }

  /** A product that keeps the catalog's policy. */
  public CatalogProduct(int line, ProductSpec spec, List<PhotoFile> photos) {
    this(line, spec, photos, ShootOverrides.NONE);
  }

  public String sku() {
    return spec.sku();
  }
}
