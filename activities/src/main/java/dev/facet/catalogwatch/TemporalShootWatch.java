package dev.facet.catalogwatch;

import dev.facet.catalog.ShootUpdate;
import dev.facet.catalog.ShootWatchActivities;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ShootResult;
import dev.facet.shoot.ShootState;
import dev.facet.shoot.Stage;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@link ShootWatchActivities} over the Temporal client: asks each shoot's latest run. */
public final class TemporalShootWatch implements ShootWatchActivities {

  private final WorkflowClient client;

  public TemporalShootWatch(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public List<ShootUpdate> closedShoots(List<String> skus) {
    List<ShootUpdate> closed = new ArrayList<>();
    for (String sku : skus) {
      WorkflowStub shoot = client.newUntypedWorkflowStub(ProductShootWorkflow.workflowId(sku));
      WorkflowExecutionStatus status = shoot.describe().getStatus();
      switch (status) {
        case WORKFLOW_EXECUTION_STATUS_RUNNING,
            WORKFLOW_EXECUTION_STATUS_UNSPECIFIED,
            UNRECOGNIZED -> {}
        case WORKFLOW_EXECUTION_STATUS_COMPLETED -> {
          ShootResult result = shoot.getResult(ShootResult.class);
          closed.add(
              new ShootUpdate(
                  sku, result.outcome(), result.costUsd(), result.failure(), null, result.spend()));
        }
        case WORKFLOW_EXECUTION_STATUS_FAILED -> closed.add(failed(sku, shoot, failureOf(shoot)));
        default ->
            closed.add(
                failed(
                    sku,
                    shoot,
                    "the shoot was "
                        + status
                            .name()
                            .replace("WORKFLOW_EXECUTION_STATUS_", "")
                            .toLowerCase(Locale.ROOT)
                            .replace('_', ' ')));
      }
    }
    return closed;
  }

  /** A shoot that ended without a result still owes what it spent: its state's ledger. */
  private static ShootUpdate failed(String sku, WorkflowStub shoot, String why) {
    ShootState state;
    try {
      state = shoot.query("state", ShootState.class);
    } catch (RuntimeException unreadable) {
      state = null;
    }
    return state == null
        ? new ShootUpdate(sku, Stage.FAILED, 0, why, null)
        : new ShootUpdate(sku, Stage.FAILED, state.costUsd(), why, null, state.spend());
  }

  private static String failureOf(WorkflowStub shoot) {
    try {
      shoot.getResult(ShootResult.class);
      return "failed";
    } catch (WorkflowException e) {
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      return cause instanceof ApplicationFailure failure
          ? failure.getOriginalMessage()
          : cause.getMessage();
    }
  }
}
