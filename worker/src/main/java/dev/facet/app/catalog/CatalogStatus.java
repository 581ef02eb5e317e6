package dev.facet.app.catalog;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.util.Locale;

/** Where the latest run under a catalog id stands. */
public record CatalogStatus(String workflowId, String runId, WorkflowExecutionStatus status) {

  public boolean running() {
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  /** Ran to its end (every product finished, or the catalog was cancelled by its update). */
  public boolean completed() {
    return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
  }

  /** e.g. "completed", "failed", "terminated". */
  public String words() {
    return status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT);
  }
}
