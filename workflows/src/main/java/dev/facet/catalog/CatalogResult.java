package dev.facet.catalog;

/** How a catalog ended. */
public record CatalogResult(CatalogProgress progress, CatalogReport report) {}
