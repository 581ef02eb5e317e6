package dev.facet.routing;

import dev.facet.model.ImageRef;

/** Where the provider report was written, and how many finished shoots it covers. */
public record ProviderReportFiles(ImageRef json, ImageRef csv, int shoots) {}
