package dev.facet.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * A collection of products to shoot, read from a CSV or JSON file.
 *
 * @param id names the collection in Temporal (the {@code FacetCatalog} search attribute)
 * @param file where it was read from
 */
public record Catalog(String id, Path file, List<CatalogProduct> products) {

  public Catalog {
    products = List.copyOf(products);
  }
}
