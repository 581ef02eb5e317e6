package dev.facet.app.catalog;

/**
 * A started catalog, or the run already going under its id.
 *
 * @param created whether this call started it
 */
public record CatalogStarted(String catalogId, String workflowId, String runId, boolean created) {}
