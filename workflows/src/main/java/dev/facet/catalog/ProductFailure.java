package dev.facet.catalog;

/** A product that ended without images, and why. */
public record ProductFailure(String sku, String reason) {}
