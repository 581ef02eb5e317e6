package dev.facet.client;

/** A shoot for the SKU is running; a SKU has at most one running shoot. */
public class ShootAlreadyRunningException extends RuntimeException {

  private final String sku;
  private final String workflowId;
  private final String runId;

  public ShootAlreadyRunningException(String sku, String workflowId, String runId) {
    super(
        "A shoot for SKU "
            + sku
            + " is already running as workflow "
            + workflowId
            + ". Follow it, or start again once it has finished.");
    this.sku = sku;
    this.workflowId = workflowId;
    this.runId = runId;
  }

  public String sku() {
    return sku;
  }

  public String workflowId() {
    return workflowId;
  }

  public String runId() {
    return runId;
  }
}
