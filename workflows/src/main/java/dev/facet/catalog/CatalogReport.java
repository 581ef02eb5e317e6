package dev.facet.catalog;

import dev.facet.model.ImageRef;

/** The final report of a catalog, as CSV and JSON in the object store. */
public record CatalogReport(ImageRef csv, ImageRef json, int products) {}
