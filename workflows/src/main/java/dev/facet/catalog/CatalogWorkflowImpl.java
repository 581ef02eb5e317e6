package dev.facet.catalog;

import dev.facet.model.ProviderSpend;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.steps.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ExternalWorkflowStub;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;

public class CatalogWorkflowImpl implements CatalogWorkflow {

  private static final Logger log = Workflow.getLogger(CatalogWorkflowImpl.class);

  /** Products read from the manifest per activity call. */
  static final int PAGE_SIZE = 100;

  /** Change id of read-ahead refills with unawaited child starts (older runs replay without). */
  static final String READ_AHEAD = "read-ahead-refill";

  /** Change id of child starts spread over workflow tasks, {@link #STARTS_PER_TASK} each. */
  static final String STARTS_IN_BATCHES = "child-starts-in-batches";

  /**
   * Child starts one workflow task may issue. A task that starts a whole window (100) at once ran
   * past its 10 s timeout on a loaded worker; one that waits for a batch's starts before the next
   * ends quickly, and the server starts the batch meanwhile.
   */
  static final int STARTS_PER_TASK = 20;

  private final CatalogActivities catalog =
      Workflow.newActivityStub(
          CatalogActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.SHOOT)
              .setStartToCloseTimeout(Duration.ofMinutes(2))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .build())
              .build());

  private final ShootWatchActivities watch =
      Workflow.newActivityStub(
          ShootWatchActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.SHOOT)
              .setStartToCloseTimeout(Duration.ofMinutes(2))
              .build());

  private final CatalogRequest request;
  private final CatalogProgressState state;

  /** Null for a catalog without a budget. */
  private final CatalogBudget budget;

  private final CatalogStatus status;
  private final ShootLauncher shoots;

  /**
   * Manifest items read but not started yet; not carried over (the next run reads from nextIndex).
   */
  private final Deque<CatalogItem> readAhead = new ArrayDeque<>();

  /** Child starts not yet confirmed; a run hands over only when there are none. */
  private final List<Promise<WorkflowExecution>> pendingStarts = new ArrayList<>();

  @WorkflowInit
  public CatalogWorkflowImpl(CatalogRequest request) {
    this.request = request;
    this.state = request.progress() == null ? new CatalogProgressState() : request.progress();
    if (request.progress() == null) {
      state.budgetUsd = request.budgetUsd();
    }
    this.budget =
        state.budgetUsd == null
            ? null
            : new CatalogBudget(state, request.usdPerImage(), request.style().shots().size());
    this.status = new CatalogStatus(request, state, budget);
    this.shoots = new ShootLauncher(request, state, budget, catalog);
  }

  @Override
  public CatalogResult run(CatalogRequest ignored) {
    if (state.startedAtMillis == 0) {
      state.startedAtMillis = Workflow.currentTimeMillis();
      Workflow.upsertTypedSearchAttributes(
          ShootSearchAttributes.CATALOG.valueSet(request.catalogId()));
    }
    if (state.total < 0) {
      state.total = catalog.readManifest(request.manifestKey(), 0, 0).total();
    }
    status.describe();
    while (true) {
      boolean woke =
          Workflow.await(
              request.quietPeriod(),
              () -> state.cancelling || status.finished() || mayStart() || shoots.runIsFull());
      if (!woke) {
        watch.closedShoots(List.copyOf(state.inProgress.keySet())).forEach(this::shootUpdate);
        status.describe();
        continue;
      }
      if (state.cancelling) {
        Workflow.await(pendingStarts::isEmpty);
        cancelInProgress();
        break;
      }
      if (status.finished()) {
        break;
      }
      if (shoots.runIsFull() || Workflow.getInfo().isContinueAsNewSuggested()) {
        // Everything the next run needs is in the state; handlers finish before the hand-over.
        Workflow.await(() -> pendingStarts.isEmpty() && Workflow.isEveryHandlerFinished());
        state.runs++;
        Workflow.continueAsNew(request.continuing(state));
      }
      startNextProducts();
      status.describe();
    }
    CatalogReport report = catalog.writeReport(request.catalogId());
    Workflow.await(Workflow::isEveryHandlerFinished);
    status.describe();
    return new CatalogResult(status.progress(), report);
  }

  private boolean mayStart() {
    return !state.paused
        && (state.nextIndex < state.total || releasable())
        && state.active() < request.window();
  }

  /** Whether a product held at the budget may start now. */
  private boolean releasable() {
    return budget != null && budget.firstFitting() != null;
  }

  /**
   * Fills the window from manifest pages read ahead, so a refill of one product costs no activity.
   * Child starts are not awaited here: one slow start must not hold the window shut.
   */
  private void startNextProducts() {
    if (Workflow.getVersion(READ_AHEAD, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      startNextProductsAwaitingStarts();
      return;
    }
    boolean batched = Workflow.getVersion(STARTS_IN_BATCHES, Workflow.DEFAULT_VERSION, 1) == 1;
    int startsThisTask = 0;
    while (mayStart() && !shoots.runIsFull()) {
      if (batched && startsThisTask == STARTS_PER_TASK) {
        Workflow.await(pendingStarts::isEmpty);
        startsThisTask = 0;
        continue; // the window may have changed meanwhile
      }
      HeldProduct held = budget == null ? null : budget.firstFitting();
      CatalogItem item;
      Promise<WorkflowExecution> started;
      if (held != null) {
        budget.release(held);
        item = shoots.heldItem(held);
        started = item == null ? null : shoots.launch(item, held.index());
      } else {
        if (readAhead.isEmpty()) {
          List<CatalogItem> page =
              catalog.readManifest(request.manifestKey(), state.nextIndex, PAGE_SIZE).items();
          if (page.isEmpty()) {
            // The manifest is shorter than it said: nothing more to start.
            state.total = state.nextIndex;
            return;
          }
          readAhead.addAll(page);
        }
        item = readAhead.poll();
        started = shoots.start(item);
      }
      if (started != null) {
        startsThisTask++;
        String sku = item.product().sku();
        pendingStarts.add(started);
        started.handle(
            (execution, failure) -> {
              pendingStarts.remove(started);
              if (failure != null) {
                shoots.startFailed(sku, failure);
              }
              return null;
            });
      }
    }
  }

  /** Before {@link #READ_AHEAD}: one page per refill, every start awaited. Replays older runs. */
  private void startNextProductsAwaitingStarts() {
    int free = (int) Math.min(request.window() - state.active(), shoots.startsLeftThisRun());
    ManifestPage page =
        catalog.readManifest(request.manifestKey(), state.nextIndex, Math.min(free, PAGE_SIZE));
    Map<String, Promise<WorkflowExecution>> starts = new LinkedHashMap<>();
    for (CatalogItem item : page.items()) {
      Promise<WorkflowExecution> started = shoots.start(item);
      if (started != null) {
        starts.put(item.product().sku(), started);
      }
    }
    if (page.items().isEmpty()) {
      state.total = state.nextIndex;
    }
    starts.forEach(
        (sku, started) -> {
          try {
            started.get();
          } catch (ChildWorkflowFailure e) {
            shoots.startFailed(sku, e);
          }
        });
  }

  private void cancelInProgress() {
    for (String sku : List.copyOf(state.inProgress.keySet())) {
      ExternalWorkflowStub shoot =
          Workflow.newUntypedExternalWorkflowStub(ProductShootWorkflow.workflowId(sku));
      try {
        shoot.cancel();
      } catch (RuntimeException e) {
        log.warn("Could not cancel shoot {}: {}", sku, e.getMessage());
      }
      state.inProgress.remove(sku);
      state.cancelled++;
      if (budget != null) {
        budget.settle(sku);
      }
    }
    state.cancelled += state.total - state.nextIndex + state.held.size();
    state.held.clear();
    state.nextIndex = state.total;
  }

  @Override
  public void shootUpdate(ShootUpdate update) {
    if (!state.inProgress.containsKey(update.sku())) {
      // Products are registered before their shoot starts, so this is a repeat or a stray: the
      // shoot of a cancelled product, or one started outside this catalog under the same SKU.
      log.info("Ignoring an update from {}: not in progress in this catalog", update.sku());
      return;
    }
    if (!update.stage().finished()) {
      state.inProgress.put(update.sku(), update.stage().awaitingHuman());
      return;
    }
    state.inProgress.remove(update.sku());
    state.costUsd += update.costUsd();
    if (budget != null) {
      budget.settle(update.sku());
    }
    state.spend = ProviderSpend.sum(state.spend, update.spend());
    switch (update.stage()) {
      case PUBLISHED -> {
        state.published++;
        if (state.styleReference == null && update.heroImage() != null) {
          state.styleReference = update.heroImage();
        }
      }
      case REJECTED -> state.rejected++;
      case EXPIRED -> state.expired++;
      default -> state.fail(update.sku(), update.failure() == null ? "failed" : update.failure());
    }
  }

  // ---- pause, resume, cancel ---------------------------------------------------------------

  @Override
  public CatalogProgress pause() {
    state.paused = true;
    status.describe();
    return status.progress();
  }

  @Override
  public void validatePause() {
    requireRunning();
    if (state.paused) {
      throw new IllegalStateException("the catalog is already paused");
    }
  }

  @Override
  public CatalogProgress resume() {
    state.paused = false;
    status.describe();
    return status.progress();
  }

  @Override
  public void validateResume() {
    requireRunning();
    if (!state.paused) {
      throw new IllegalStateException("the catalog is not paused");
    }
  }

  @Override
  public CatalogProgress raiseBudget(BudgetRaise raise) {
    budget.raise(raise.budgetUsd());
    status.describe();
    return status.progress();
  }

  @Override
  public void validateRaiseBudget(BudgetRaise raise) {
    requireRunning();
    if (budget == null) {
      throw new IllegalStateException(
          "the catalog has no budget to raise: it was started"
              + " without one, so no product waits for one");
    }
    if (raise == null || !BudgetRaise.isValid(raise.budgetUsd())) {
      throw new IllegalArgumentException(BudgetRaise.RULE + ", e.g. {\"budgetUsd\": 50}");
    }
    if (raise.budgetUsd() <= state.budgetUsd) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the budget is $%.2f ($%.2f of it spent or reserved); a new one must be above it, not"
                  + " $%.2f",
              state.budgetUsd,
              budget.committedUsd(),
              raise.budgetUsd()));
    }
  }

  @Override
  public CatalogProgress cancel() {
    state.cancelling = true;
    return status.progress();
  }

  @Override
  public void validateCancel() {
    requireRunning();
  }

  private void requireRunning() {
    if (state.cancelling) {
      throw new IllegalStateException("the catalog is being cancelled");
    }
    if (state.total >= 0 && status.finished()) {
      throw new IllegalStateException("the catalog has finished");
    }
  }

  @Override
  public CatalogProgress progress() {
    return status.progress();
  }
}
