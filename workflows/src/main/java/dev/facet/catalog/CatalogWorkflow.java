package dev.facet.catalog;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A whole collection: one {@code ProductShoot} child per product through a sliding window, one
 * style guide for all, continue-as-new every {@link CatalogRequest#startsPerRun()} starts. A
 * failing product never fails the catalog. Workflow id: {@code catalog-<id>}.
 */
@WorkflowInterface
public interface CatalogWorkflow {

  @WorkflowMethod(name = "Catalog")
  CatalogResult run(CatalogRequest request);

  /** Sent by the catalog's shoots; they outlive any one run of the catalog. */
  @SignalMethod(name = "shootUpdate")
  void shootUpdate(ShootUpdate update);

  /** Stops starting products; those in progress go on. */
  @UpdateMethod(name = "pause")
  CatalogProgress pause();

  @UpdateValidatorMethod(updateName = "pause")
  void validatePause();

  @UpdateMethod(name = "resume")
  CatalogProgress resume();

  @UpdateValidatorMethod(updateName = "resume")
  void validateResume();

  /** Starts nothing more and cancels every product in progress. */
  @UpdateMethod(name = "cancel")
  CatalogProgress cancel();

  @UpdateValidatorMethod(updateName = "cancel")
  void validateCancel();

  /**
   * Raises the budget of a catalog started with one: products held at the cap start as far as the
   * new one leaves room for them.
   */
  @UpdateMethod(name = "raiseBudget")
  CatalogProgress raiseBudget(BudgetRaise raise);

  /** Refuses a catalog without a budget, and a new budget that is not above the current one. */
  @UpdateValidatorMethod(updateName = "raiseBudget")
  void validateRaiseBudget(BudgetRaise raise);

  @QueryMethod(name = "progress")
  CatalogProgress progress();

  static String workflowId(String catalogId) {
    return "catalog-" + catalogId;
  }
}
