package dev.facet.client;

/** A started (or already running) shoot. */
public record ShootStarted(String sku, String workflowId, String runId) {}
