package dev.facet.app.catalog;

/** The answer to {@code POST /api/catalogs}. */
record StartedCatalog(String catalogId, String workflowId, String runId, String progressUrl) {}
