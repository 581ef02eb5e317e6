package dev.facet.app.catalog;

/** Where a finished catalog's report is in the object store. */
record ReportKeys(String catalogId, int products, String bucket, String csv, String json) {}
