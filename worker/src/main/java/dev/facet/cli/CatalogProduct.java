package dev.facet.cli;

import dev.facet.model.ProductSpec;
import java.util.List;

/**
 * One product of a catalog file.
 *
 * @param line where it starts in the file
 * @param photos its reference photos, which exist
 */
public record CatalogProduct(int line, ProductSpec spec, List<PhotoFile> photos) {

  public CatalogProduct {
    photos = List.copyOf(photos);
  }

  public String sku() {
    return spec.sku();
  }
}
