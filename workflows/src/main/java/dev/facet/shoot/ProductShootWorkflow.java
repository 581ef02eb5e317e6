package dev.facet.shoot;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One product's way from the seller's photos to approved, published channel images: capture →
 * prompt → generate → select → post-process → QA → publish, with a human (or the policy) deciding
 * at select and QA. Workflow id: {@code shoot-<sku>}.
 */
@WorkflowInterface
public interface ProductShootWorkflow {

  @WorkflowMethod(name = "ProductShoot")
  ShootResult run(ShootRequest request);

  /**
   * Fire-and-forget decision, for the Temporal Web UI and {@code temporal workflow signal}. A
   * decision that does not fit the shoot's stage is recorded in the audit trail and ignored.
   */
  @SignalMethod(name = "decision")
  void decision(Decision decision);

  /** The same decision with an answer: a wrong one is rejected before it touches history. */
  @UpdateMethod(name = "decide")
  DecisionReceipt decide(Decision decision);

  @UpdateValidatorMethod(updateName = "decide")
  void validateDecide(Decision decision);

  @QueryMethod(name = "state")
  ShootState state();

  static String workflowId(String sku) {
    return "shoot-" + sku;
  }
}
