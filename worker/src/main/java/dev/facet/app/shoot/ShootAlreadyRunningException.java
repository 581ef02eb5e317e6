package dev.facet.app.shoot;

import dev.facet.app.problem.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A shoot for the SKU is running; a SKU has at most one running shoot. The problem says where it
 * runs: its workflow, run and state URL.
 */
public class ShootAlreadyRunningException extends ProblemException {

  public ShootAlreadyRunningException(String sku, String workflowId, String runId) {
    super(
        HttpStatus.CONFLICT,
        "Shoot already running",
        "A shoot for SKU "
            + sku
            + " is already running as workflow "
            + workflowId
            + ". Follow it, or start again once it has finished.");
    property("workflowId", workflowId);
    property("runId", runId);
    property("stateUrl", "/api/shoots/" + sku);
  }
}
