package dev.facet.catalog;

import dev.facet.model.ProductSpec;
import dev.facet.shoot.ShootPolicy;
import java.util.List;
import java.util.Optional;

/**
 * One product of a catalog.
 *
 * @param line where it starts in the catalog file
 * @param photos its reference photos, which exist
 * @param approval the approval policy the file asks for, if it asks
 */
public record CatalogProduct(
    int line, ProductSpec spec, List<PhotoSource> photos, Optional<ShootPolicy.Approval> approval) {

  public CatalogProduct {
    photos = List.copyOf(photos);
  }
}
