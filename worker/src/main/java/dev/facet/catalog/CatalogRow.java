package dev.facet.catalog;

import dev.facet.model.Stone;
import java.util.List;

/** A product as a catalog file states it, before the rules in {@link CatalogReader} apply. */
record CatalogRow(
    int line,
    String sku,
    String name,
    String type,
    String metal,
    List<Stone> stones,
    String setting,
    String engraving,
    List<PhotoSource> photos,
    String policy) {}
