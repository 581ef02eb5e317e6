package dev.facet.app.shoot;

/** The answer to {@code POST /api/shoots}. */
record StartedShoot(String workflowId, String runId, String stateUrl) {}
