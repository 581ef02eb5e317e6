package dev.facet.app.shoot;

/** A started (or already running) shoot. */
public record ShootStarted(String sku, String workflowId, String runId) {}
