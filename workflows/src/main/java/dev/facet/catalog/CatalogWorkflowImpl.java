package dev.facet.catalog;

import dev.facet.model.ProviderSpend;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootRequest;
import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.steps.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.ExternalWorkflowStub;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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

  /** Held products read in this run, by manifest index; a later run reads them again. */
  private final Map<Integer, CatalogItem> heldItems = new HashMap<>();

  private int startsThisRun;

  /** Manifest items read but not started yet; not carried over (the next run reads from nextIndex). */
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
    this.budget = state.budgetUsd == null
        ? null
        : new CatalogBudget(state, request.usdPerImage(), request.style().shots().size());
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
    describe();
    while (true) {
      boolean woke =
          Workflow.await(
              request.quietPeriod(),
              () -> state.cancelling || finished() || mayStart()
                  || startsThisRun >= request.startsPerRun());
      if (!woke) {
        watch.closedShoots(List.copyOf(state.inProgress.keySet())).forEach(this::shootUpdate);
        describe();
        continue;
      }
      if (state.cancelling) {
        Workflow.await(pendingStarts::isEmpty);
        cancelInProgress();
        break;
      }
      if (finished()) {
        break;
      }
      if (startsThisRun >= request.startsPerRun() || Workflow.getInfo().isContinueAsNewSuggested()) {
        // Everything the next run needs is in the state; handlers finish before the hand-over.
        Workflow.await(() -> pendingStarts.isEmpty() && Workflow.isEveryHandlerFinished());
        state.runs++;
        Workflow.continueAsNew(request.continuing(state));
      }
      startNextProducts();
      describe();
    }
    CatalogReport report = catalog.writeReport(request.catalogId());
    Workflow.await(Workflow::isEveryHandlerFinished);
    describe();
    return new CatalogResult(progress(), report);
  }

  private boolean finished() {
    return state.nextIndex >= state.total && state.inProgress.isEmpty() && state.held.isEmpty();
  }

  private boolean mayStart() {
    return !state.paused && (state.nextIndex < state.total || releasable())
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
    boolean batched =
        Workflow.getVersion(STARTS_IN_BATCHES, Workflow.DEFAULT_VERSION, 1) == 1;
    int startsThisTask = 0;
    while (mayStart() && startsThisRun < request.startsPerRun()) {
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
        item = heldItem(held);
        started = item == null ? null : launch(item, held.index());
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
        started = start(item);
      }
      if (started != null) {
        startsThisTask++;
        String sku = item.product().sku();
        pendingStarts.add(started);
        started.handle((execution, failure) -> {
          pendingStarts.remove(started);
          if (failure != null) {
            startFailed(sku, failure);
          }
          return null;
        });
      }
    }
  }

  /** Before {@link #READ_AHEAD}: one page per refill, every start awaited. Replays older runs. */
  private void startNextProductsAwaitingStarts() {
    int free = (int) Math.min(request.window() - state.active(), request.startsPerRun() - startsThisRun);
    ManifestPage page =
        catalog.readManifest(request.manifestKey(), state.nextIndex, Math.min(free, PAGE_SIZE));
    Map<String, Promise<WorkflowExecution>> starts = new LinkedHashMap<>();
    for (CatalogItem item : page.items()) {
      Promise<WorkflowExecution> started = start(item);
      if (started != null) {
        starts.put(item.product().sku(), started);
      }
    }
    if (page.items().isEmpty()) {
      state.total = state.nextIndex;
    }
    starts.forEach((sku, started) -> {
      try {
        started.get();
      } catch (ChildWorkflowFailure e) {
        startFailed(sku, e);
      }
    });
  }

  /**
   * Takes the next item of the manifest and starts its shoot: returns the promise of its start, or
   * null when it does not start (why is recorded, or it is held at the budget).
   */
  private Promise<WorkflowExecution> start(CatalogItem item) {
    state.nextIndex++;
    if (item.problem() != null) {
      state.fail(item.product() == null ? "line " + item.line() : item.product().sku(),
          "line " + item.line() + ": " + item.problem());
      return null;
    }
    return launch(item, state.nextIndex - 1);
  }

  /** Starts the shoot of a product that can be shot, the {@code index}th of the manifest. */
  private Promise<WorkflowExecution> launch(CatalogItem item, int index) {
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
        state.fail(sku, "line " + item.line() + ": its shoot cannot start under the catalog's"
            + " budget: no list price of " + String.join(", ", policy.providers())
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
    ProductShootWorkflow shoot = Workflow.newChildWorkflowStub(ProductShootWorkflow.class, childOptions(sku));
    Async.function(shoot::run, new ShootRequest(item.product(), item.photos(), request.style(),
        policy, request.catalogId(), state.styleReference));
    return Workflow.getWorkflowExecution(shoot);
  }

  /** A held product's item: kept from this run, else read again; null when it cannot be shot. */
  private CatalogItem heldItem(HeldProduct held) {
    CatalogItem item = heldItems.remove(held.index());
    if (item == null) {
      List<CatalogItem> page =
          catalog.readManifest(request.manifestKey(), held.index(), 1).items();
      item = page.isEmpty() ? null : page.get(0);
    }
    if (item == null || item.problem() != null || item.product() == null
        || !held.sku().equals(item.product().sku())) {
      state.fail(held.sku(), "the manifest changed while it waited for the budget: "
          + (item == null || item.problem() == null ? "its row is gone" : item.problem()));
      return null;
    }
    return item;
  }

  private void startFailed(String sku, Throwable failure) {
    state.inProgress.remove(sku);
    if (budget != null) {
      budget.settle(sku);
    }
    state.fail(sku, "could not start its shoot (is one for this SKU already running?): "
        + failure.getMessage());
  }

  private ChildWorkflowOptions childOptions(String sku) {
    return ChildWorkflowOptions.newBuilder()
        .setWorkflowId(ProductShootWorkflow.workflowId(sku))
        .setTaskQueue(TaskQueues.SHOOT)
        // Shoots outlive the run that started them (continue-as-new) and report back by signal.
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
        .setTypedSearchAttributes(SearchAttributes.newBuilder()
            .set(ShootSearchAttributes.SKU, sku)
            .set(ShootSearchAttributes.CATALOG, request.catalogId())
            .build())
        .setStaticSummary("catalog " + request.catalogId() + ": " + sku)
        .build();
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
    describe();
    return progress();
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
    describe();
    return progress();
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
    describe();
    return progress();
  }

  @Override
  public void validateRaiseBudget(BudgetRaise raise) {
    requireRunning();
    if (budget == null) {
      throw new IllegalStateException("the catalog has no budget to raise: it was started"
          + " without one, so no product waits for one");
    }
    if (raise == null || !BudgetRaise.isValid(raise.budgetUsd())) {
      throw new IllegalArgumentException(BudgetRaise.RULE + ", e.g. {\"budgetUsd\": 50}");
    }
    if (raise.budgetUsd() <= state.budgetUsd) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the budget is $%.2f ($%.2f of it spent or reserved); a new one must be above it, not"
              + " $%.2f", state.budgetUsd, budget.committedUsd(), raise.budgetUsd()));
    }
  }

  @Override
  public CatalogProgress cancel() {
    state.cancelling = true;
    return progress();
  }

  @Override
  public void validateCancel() {
    requireRunning();
  }

  private void requireRunning() {
    if (state.cancelling) {
      throw new IllegalStateException("the catalog is being cancelled");
    }
    if (state.total >= 0 && finished()) {
      throw new IllegalStateException("the catalog has finished");
    }
  }

  // ---- progress ----------------------------------------------------------------------------

  @Override
  public CatalogProgress progress() {
    int queued = Math.max(0, state.total - state.nextIndex) + state.held.size();
    return new CatalogProgress(
        request.catalogId(),
        status(),
        Math.max(state.total, 0),
        queued,
        state.inProgress.size(),
        (int) state.awaitingHuman(),
        awaitingSkus(),
        state.published,
        state.rejected,
        state.expired,
        state.failed,
        state.cancelled,
        List.copyOf(state.failures),
        state.costUsd,
        etaSeconds(queued + state.inProgress.size()),
        state.runs,
        state.spend,
        budget == null ? null : budget.progress());
  }

  private List<String> awaitingSkus() {
    return state.inProgress.entrySet().stream()
        .filter(Map.Entry::getValue)
        .map(Map.Entry::getKey)
        .limit(CatalogProgress.AWAITING_LISTED)
        .toList();
  }

  private String status() {
    if (state.cancelling) {
      return state.inProgress.isEmpty() ? "cancelled" : "cancelling";
    }
    if (state.total >= 0 && finished()) {
      return "finished";
    }
    if (state.paused) {
      return "paused";
    }
    return budget != null && budget.reached() ? "budget reached" : "running";
  }

  /** Remaining products at the throughput so far; unknown until one has finished. */
  private long etaSeconds(int remaining) {
    long elapsed = Workflow.currentTimeMillis() - state.startedAtMillis;
    int finished = state.finished();
    if (finished == 0 || elapsed <= 0) {
      return remaining == 0 ? 0 : -1;
    }
    return Math.round(remaining * (elapsed / 1000.0) / finished);
  }

  private void describe() {
    CatalogProgress p = progress();
    Workflow.setCurrentDetails(
        "**catalog " + request.catalogId() + "** (" + p.status() + "): " + state.finished() + " of "
            + p.total() + " done, " + p.inProgress() + " in progress (" + p.awaitingHuman()
            + " awaiting a reviewer), " + p.failed() + " failed" + budgetWords(p.budget()));
  }

  /** "; budget $20.00, $18.40 spent or reserved, 3 products held: raise it with raiseBudget". */
  private static String budgetWords(BudgetProgress budget) {
    if (budget == null) {
      return "";
    }
    String words = String.format(Locale.ROOT, "; budget $%.2f, $%.2f spent or reserved",
        budget.capUsd(), budget.spentUsd() + budget.reservedUsd());
    if (budget.reached()) {
      words += String.format(Locale.ROOT,
          ", %d %s held (the next needs $%.2f): raise it with the raiseBudget update",
          budget.held(), budget.held() == 1 ? "product" : "products", budget.nextUsd());
    }
    return words;
  }
}
