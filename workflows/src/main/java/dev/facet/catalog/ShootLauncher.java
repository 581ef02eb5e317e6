package dev.facet.catalog;

import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootRequest;
import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.steps.TaskQueues;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts each product's shoot as a child workflow of the catalog, under the product's own policy
 * and its share of the budget; records why a product cannot start, or holds it until the budget
 * fits it. Workflow state: deterministic, no I/O.
 */
final class ShootLauncher {

  private final CatalogRequest request;
  private final CatalogProgressState state;

  /** Null for a catalog without a budget. */
  private final CatalogBudget budget;

  private final CatalogActivities catalog;

  /** Held products read in this run, by manifest index; a later run reads them again. */
  private final Map<Integer, CatalogItem> heldItems = new HashMap<>();

  private int startsThisRun;

  ShootLauncher(
      CatalogRequest request,
      CatalogProgressState state,
      CatalogBudget budget,
      CatalogActivities catalog) {
    this.request = request;
    this.state = state;
    this.budget = budget;
    this.catalog = catalog;
  }

  /** Whether this run has started all the shoots one run may start; the next run starts more. */
  boolean runIsFull() {
    return startsThisRun >= request.startsPerRun();
  }

  int startsLeftThisRun() {
    return request.startsPerRun() - startsThisRun;
  }

  /**
   * Takes the next item of the manifest and starts its shoot: returns the promise of its start, or
   * null when it does not start (why is recorded, or it is held at the budget).
   */
  Promise<WorkflowExecution> start(CatalogItem item) {
    state.nextIndex++;
    if (item.problem() != null) {
      state.fail(
          item.product() == null ? "line " + item.line() : item.product().sku(),
          "line " + item.line() + ": " + item.problem());
      return null;
    }
    return launch(item, state.nextIndex - 1);
  }

  /** Starts the shoot of a product that can be shot, the {@code index}th of the manifest. */
  Promise<WorkflowExecution> launch(CatalogItem item, int index) {
    String sku = item.product().sku();
    ShootPolicy policy;
    try {
      policy = item.overrides().over(request.policy());
    } catch (IllegalArgumentException e) {
      // Checked before the catalog started; a manifest changed since must not stop the catalog.
      state.fail(sku, "line " + item.line() + ": " + e.getMessage());
      return null;
    }
    if (budget != null) {
      Double most = budget.mostUsd(policy);
      if (most == null) {
        state.fail(
            sku,
            "line "
                + item.line()
                + ": its shoot cannot start under the catalog's"
                + " budget: no list price of "
                + String.join(", ", policy.providers())
                + " was given to the catalog");
        return null;
      }
      if (!budget.fits(most)) {
        budget.hold(new HeldProduct(index, sku, most));
        heldItems.put(index, item);
        return null;
      }
      budget.reserve(sku, most);
      // Its shoot stops paid generations at what it reserved, so the catalog keeps to its cap.
      policy = policy.withBudgetUsd(most);
    }
    state.inProgress.put(sku, false);
    startsThisRun++;
    ProductShootWorkflow shoot =
        Workflow.newChildWorkflowStub(ProductShootWorkflow.class, childOptions(sku));
    Async.function(
        shoot::run,
        new ShootRequest(
            item.product(),
            item.photos(),
            request.style(),
            policy,
            request.catalogId(),
            state.styleReference));
    return Workflow.getWorkflowExecution(shoot);
  }

  /** A held product's item: kept from this run, else read again; null when it cannot be shot. */
  CatalogItem heldItem(HeldProduct held) {
    CatalogItem item = heldItems.remove(held.index());
    if (item == null) {
      List<CatalogItem> page = catalog.readManifest(request.manifestKey(), held.index(), 1).items();
      item = page.isEmpty() ? null : page.get(0);
    }
    if (item == null
        || item.problem() != null
        || item.product() == null
        || !held.sku().equals(item.product().sku())) {
      state.fail(
          held.sku(),
          "the manifest changed while it waited for the budget: "
              + (item == null || item.problem() == null ? "its row is gone" : item.problem()));
      return null;
    }
    return item;
  }

  /** A shoot did not start: its product fails and its budget reservation is given back. */
  void startFailed(String sku, Throwable failure) {
    state.inProgress.remove(sku);
    if (budget != null) {
      budget.settle(sku);
    }
    state.fail(
        sku,
        "could not start its shoot (is one for this SKU already running?): "
            + failure.getMessage());
  }

  private ChildWorkflowOptions childOptions(String sku) {
    return ChildWorkflowOptions.newBuilder()
        .setWorkflowId(ProductShootWorkflow.workflowId(sku))
        .setTaskQueue(TaskQueues.SHOOT)
        // Shoots outlive the run that started them (continue-as-new) and report back by signal.
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder()
                .set(ShootSearchAttributes.SKU, sku)
                .set(ShootSearchAttributes.CATALOG, request.catalogId())
                .build())
        .setStaticSummary("catalog " + request.catalogId() + ": " + sku)
        .build();
  }
}
