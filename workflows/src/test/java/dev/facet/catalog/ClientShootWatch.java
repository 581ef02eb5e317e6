package dev.facet.catalog;

import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ShootResult;
import dev.facet.shoot.Stage;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.List;

/** The watch over the test server: what the worker's implementation does over a real one. */
final class ClientShootWatch implements ShootWatchActivities {

  private final WorkflowClient client;

  ClientShootWatch(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public List<ShootUpdate> closedShoots(List<String> skus) {
    List<ShootUpdate> closed = new ArrayList<>();
    for (String sku : skus) {
      WorkflowStub shoot = client.newUntypedWorkflowStub(ProductShootWorkflow.workflowId(sku));
      WorkflowExecutionStatus status = shoot.describe().getStatus();
      if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
        ShootResult result = shoot.getResult(ShootResult.class);
        closed.add(
            new ShootUpdate(
                sku, result.outcome(), result.costUsd(), result.failure(), null, result.spend()));
      } else if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        closed.add(new ShootUpdate(sku, Stage.FAILED, 0, "the shoot ended " + status, null));
      }
    }
    return closed;
  }
}
