package dev.facet.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.model.ProviderSpend;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.steps.TaskQueues;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CatalogWorkflowTest {

  /** Short, so a shoot that ends without reporting is found within the test. */
  private static final Duration QUIET = Duration.ofSeconds(2);

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private FakeCatalogActivities activities;

  @BeforeEach
  void setUp() {
    FakeShoot.reset();
    // Real time: the shoots do real (milliseconds of) work, and the test server stops skipping
    // time for children once their parent continues as new (sdk-java#1540).
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    ShootSearchAttributes.ALL.forEach(
        k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
  }

  private void startWorker(int manifestSize, Set<Integer> invalidLines) {
    activities = new FakeCatalogActivities(manifestSize, invalidLines);
    Worker worker = env.newWorker(TaskQueues.SHOOT);
    worker.registerWorkflowImplementationTypes(CatalogWorkflowImpl.class, FakeShoot.class);
    client = env.getWorkflowClient();
    worker.registerActivitiesImplementations(
        activities, new FakeShoot.SleepingWork(), new ClientShootWatch(client));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void slidingWindowAndContinueAsNewStartEveryProductExactlyOnce() {
    startWorker(60, Set.of());

    CatalogResult result = catalog("summer").run(request("summer", 5, 20));

    assertThat(FakeShoot.maxRunning).hasValueLessThanOrEqualTo(5).hasValueGreaterThan(1);
    assertThat(FakeShoot.starts).hasSize(60).allSatisfy((sku, n) -> assertThat(n).hasValue(1));
    assertThat(result.progress().published()).isEqualTo(60);
    assertThat(result.progress().runs()).isGreaterThanOrEqualTo(3);
    assertThat(result.progress().status()).isEqualTo("finished");
    assertThat(result.progress().costUsd()).isEqualTo(15.0);
    assertThat(result.progress().spend())
        .containsExactly(new ProviderSpend("flux", 60, 0, 15.0, 0));
    assertThat(activities.reportsWritten).containsExactly("summer");
    // The total, then one page per run: refilling the window one product at a time reads nothing.
    assertThat(activities.manifestReads).hasValueLessThanOrEqualTo(result.progress().runs() + 1);
  }

  @Test
  void theFirstPublishedHeroIsTheStyleReferenceOfEveryShootStartedAfterItAcrossRuns() {
    startWorker(5, Set.of());

    catalog("set").run(request("set", 1, 2));

    String first = FakeCatalogActivities.sku(0);
    assertThat(FakeShoot.styleReferences).hasSize(5).containsEntry(first, "none");
    assertThat(FakeShoot.styleReferences)
        .allSatisfy(
            (sku, style) -> {
              if (!sku.equals(first)) {
                assertThat(style).isEqualTo(FakeShoot.hero(first).key());
              }
            });
  }

  @Test
  void failingProductsAndBadRowsNeverFailTheCatalog() {
    startWorker(12, Set.of(5));
    FakeShoot.failing.add(FakeCatalogActivities.sku(7));

    CatalogResult result = catalog("mixed").run(request("mixed", 4, 500));

    assertThat(result.progress().published()).isEqualTo(10);
    assertThat(result.progress().failed()).isEqualTo(2);
    assertThat(result.progress().failures())
        .extracting(ProductFailure::sku, ProductFailure::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("SKU-00003", "line 5: metal is required"),
            org.assertj.core.groups.Tuple.tuple("SKU-00007", "capture failed: photo too blurry"));
    assertThat(FakeShoot.starts).doesNotContainKey("SKU-00003");
  }

  @Test
  void aRowsOwnChannelsProvidersAndVariantsOverrideTheCatalogsPolicyForItsShootAlone() {
    startWorker(3, Set.of());
    activities.overrides.put(1, new ShootOverrides(List.of("etsy"), List.of("flux", "studio"), 2));
    activities.overrides.put(2, new ShootOverrides(List.of(), List.of(), 1));

    catalog("mixed-shops").run(request("mixed-shops", 3, 500));

    ShootPolicy catalogs = ShootPolicy.auto();
    assertThat(FakeShoot.policies.get(FakeCatalogActivities.sku(0))).isEqualTo(catalogs);
    assertThat(FakeShoot.policies.get(FakeCatalogActivities.sku(1)))
        .satisfies(
            own -> {
              assertThat(own.channels()).containsExactly("etsy");
              assertThat(own.providers()).containsExactly("flux", "studio");
              assertThat(own.variants()).isEqualTo(2);
              assertThat(own.approval()).isEqualTo(catalogs.approval());
              assertThat(own.maxRounds()).isEqualTo(catalogs.maxRounds());
            });
    assertThat(FakeShoot.policies.get(FakeCatalogActivities.sku(2)))
        .extracting(ShootPolicy::channels, ShootPolicy::providers, ShootPolicy::variants)
        .containsExactly(catalogs.channels(), catalogs.providers(), 1);
  }

  @Test
  void aShootThatEndsWithoutReportingIsFoundByTheWatch() {
    startWorker(8, Set.of());
    FakeShoot.silent.add(FakeCatalogActivities.sku(3));

    CatalogResult result = catalog("quiet").run(request("quiet", 8, 500));

    assertThat(result.progress().published()).isEqualTo(8);
    assertThat(result.progress().status()).isEqualTo("finished");
  }

  @Test
  void pauseStopsNewStartsUntilResumed() {
    startWorker(30, Set.of());
    CatalogWorkflow catalog = catalog("paused");
    WorkflowClient.start(catalog::run, request("paused", 3, 500));
    eventually(() -> FakeShoot.starts.size() >= 3);

    CatalogProgress atPause = catalog.pause();
    eventually(() -> catalog.progress().inProgress() == 0);
    int startedWhilePaused = FakeShoot.starts.size();
    sleep(500);

    assertThat(FakeShoot.starts).hasSize(startedWhilePaused);
    assertThat(catalog.progress().status()).isEqualTo("paused");
    assertThat(atPause.queued()).isGreaterThan(0);
    assertThatThrownBy(catalog::pause)
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("already paused");

    catalog.resume();
    CatalogResult result = WorkflowStub.fromTyped(catalog).getResult(CatalogResult.class);
    assertThat(result.progress().published()).isEqualTo(30);
    assertThat(FakeShoot.starts).hasSize(30);
  }

  @Test
  void cancelReachesEveryShootInProgressAndStartsNothingMore() {
    FakeShoot.SleepingWork.extraMillis = 60_000;
    startWorker(40, Set.of());
    CatalogWorkflow catalog = catalog("gone");
    WorkflowClient.start(catalog::run, request("gone", 6, 500));
    eventually(() -> FakeShoot.running.get() == 6);

    catalog.cancel();
    CatalogResult result = WorkflowStub.fromTyped(catalog).getResult(CatalogResult.class);

    assertThat(result.progress().status()).isEqualTo("cancelled");
    assertThat(result.progress().cancelled()).isEqualTo(40);
    eventually(() -> FakeShoot.cancelled.size() == 6);
    assertThat(FakeShoot.starts).hasSize(6);
    assertThatThrownBy(catalog::resume).isInstanceOf(io.temporal.client.WorkflowException.class);
  }

  @Test
  void aFullWindowIsStartedOverSeveralSmallWorkflowTasks() {
    startWorker(50, Set.of());

    catalog("wide").run(request("wide", 50, 100));

    List<Integer> startsPerTask = new ArrayList<>();
    for (HistoryEvent event : client.fetchHistory(CatalogWorkflow.workflowId("wide")).getEvents()) {
      if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
        startsPerTask.add(0);
      } else if (event.getEventType()
          == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED) {
        startsPerTask.set(
            startsPerTask.size() - 1, startsPerTask.get(startsPerTask.size() - 1) + 1);
      }
    }
    assertThat(startsPerTask.stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
    assertThat(startsPerTask)
        .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(CatalogWorkflowImpl.STARTS_PER_TASK));
  }

  @Test
  void aBudgetHoldsPaidProductsAtTheCapLetsFreeOnesThroughAndResumesWhenRaised() {
    startWorker(6, Set.of());
    // Product 4 is shot on the free studio renderer, the others on FLUX at $0.125 an image.
    activities.overrides.put(4, new ShootOverrides(List.of(), List.of("studio"), null));
    FakeShoot.free.add(FakeCatalogActivities.sku(4));
    CatalogWorkflow catalog = catalog("budget");
    WorkflowClient.start(catalog::run, budgeted("budget", 6, 500, 0.75));

    // Each paid shoot may cost 2 shots × 1 variant × $0.125 × 1 round = $0.25: three fit in $0.75.
    eventually(() -> catalog.progress().published() == 4);
    CatalogProgress atCap = catalog.progress();
    assertThat(atCap.status()).isEqualTo("budget reached");
    assertThat(atCap.inProgress()).isZero();
    assertThat(atCap.queued()).isEqualTo(2);
    assertThat(atCap.costUsd()).isEqualTo(0.75);
    assertThat(atCap.budget())
        .extracting(
            BudgetProgress::capUsd,
            BudgetProgress::spentUsd,
            BudgetProgress::reservedUsd,
            BudgetProgress::held,
            BudgetProgress::heldSkus,
            BudgetProgress::nextUsd,
            BudgetProgress::reached)
        .containsExactly(
            0.75,
            0.75,
            0.0,
            2,
            List.of(FakeCatalogActivities.sku(3), FakeCatalogActivities.sku(5)),
            0.25,
            true);
    assertThat(FakeShoot.starts)
        .containsOnlyKeys(
            FakeCatalogActivities.sku(0),
            FakeCatalogActivities.sku(1),
            FakeCatalogActivities.sku(2),
            FakeCatalogActivities.sku(4));
    assertThat(FakeShoot.policies.get(FakeCatalogActivities.sku(0)).budgetUsd())
        .as("each paid shoot is capped at what it reserved")
        .isEqualTo(0.25);
    assertThat(FakeShoot.policies.get(FakeCatalogActivities.sku(4)).budgetUsd())
        .as("the free one reserves nothing")
        .isZero();
    assertThat(describedDetails("budget"))
        .contains(
            "(budget reached)",
            "budget $0.75, $0.75 spent or reserved",
            "2 products held (the next needs $0.25): raise it with the raiseBudget update");

    assertThatThrownBy(() -> catalog.raiseBudget(new BudgetRaise(0.5)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining(
            "the budget is $0.75 ($0.75 of it spent or reserved);"
                + " a new one must be above it, not $0.50");
    assertThatThrownBy(() -> catalog.raiseBudget(new BudgetRaise(-1.0)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("a budget is a number of US dollars");

    CatalogProgress raised = catalog.raiseBudget(new BudgetRaise(1.0));
    assertThat(raised.budget().capUsd()).isEqualTo(1.0);
    eventually(() -> catalog.progress().published() == 5);
    assertThat(catalog.progress().budget().held()).isEqualTo(1);
    catalog.raiseBudget(new BudgetRaise(1.25));

    CatalogResult result = WorkflowStub.fromTyped(catalog).getResult(CatalogResult.class);
    assertThat(result.progress().status()).isEqualTo("finished");
    assertThat(result.progress().published()).isEqualTo(6);
    assertThat(result.progress().costUsd()).isEqualTo(1.25);
    assertThat(FakeShoot.starts).hasSize(6).allSatisfy((sku, n) -> assertThat(n).hasValue(1));
  }

  @Test
  void productsHeldAtTheBudgetAreReadAgainAfterTheCatalogContinuesAsNew() {
    startWorker(4, Set.of());
    CatalogWorkflow catalog = catalog("budget-runs");
    WorkflowClient.start(catalog::run, budgeted("budget-runs", 10, 2, 0.25));
    eventually(() -> catalog.progress().published() == 1);
    assertThat(catalog.progress().budget().held()).isEqualTo(3);

    // The second start ends the first run: the held products go to the next one by their index.
    catalog.raiseBudget(new BudgetRaise(0.5));
    eventually(() -> catalog.progress().runs() == 2 && catalog.progress().published() == 2);
    catalog.raiseBudget(new BudgetRaise(1.0));

    CatalogResult result = WorkflowStub.fromTyped(catalog).getResult(CatalogResult.class);
    assertThat(result.progress().published()).isEqualTo(4);
    assertThat(result.progress().budget().held()).isZero();
    assertThat(FakeShoot.starts).hasSize(4).allSatisfy((sku, n) -> assertThat(n).hasValue(1));
  }

  @Test
  void aCatalogWithoutABudgetRefusesToRaiseOneAndAPaidProductWithoutAPriceFailsAlone() {
    startWorker(3, Set.of());
    CatalogWorkflow open = catalog("no-budget");
    WorkflowClient.start(open::run, request("no-budget", 1, 500));
    assertThatThrownBy(() -> open.raiseBudget(new BudgetRaise(10.0)))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("the catalog has no budget to raise");
    assertThat(open.progress().budget()).isNull();
    open.cancel();
    WorkflowStub.fromTyped(open).getResult(CatalogResult.class);
    eventually(() -> FakeShoot.running.get() == 0);

    activities.overrides.put(1, new ShootOverrides(List.of(), List.of("openai"), null));
    CatalogResult priced = catalog("unpriced").run(budgeted("unpriced", 3, 500, 5.0));

    assertThat(priced.progress().published()).isEqualTo(2);
    assertThat(priced.progress().failures())
        .singleElement()
        .satisfies(
            failure ->
                assertThat(failure.reason())
                    .contains(
                        "its shoot cannot start under the catalog's budget: no list"
                            + " price of openai was given to the catalog"));
  }

  /** The catalog's current details, as the Web UI shows them. */
  private String describedDetails(String id) {
    return client
        .newUntypedWorkflowStub(CatalogWorkflow.workflowId(id))
        .query("__temporal_workflow_metadata", io.temporal.api.sdk.v1.WorkflowMetadata.class)
        .getCurrentDetails();
  }

  /** Waits (in real time: shoots do real work) until the condition holds, at most 20 s. */
  private static void eventually(java.util.function.BooleanSupplier condition) {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      sleep(20);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private CatalogWorkflow catalog(String id) {
    return client.newWorkflowStub(
        CatalogWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(CatalogWorkflow.workflowId(id))
            .setTaskQueue(TaskQueues.SHOOT)
            .build());
  }

  /**
   * A catalog on FLUX at $0.125 an image, 1 variant, 1 round: each paid shoot (2 shots) may cost
   * $0.25.
   */
  private static CatalogRequest budgeted(String id, int window, int startsPerRun, double usd) {
    ShootPolicy flux =
        new ShootPolicy(
            ShootPolicy.Approval.AUTO,
            null,
            null,
            ShootPolicy.TimeoutAction.AUTO,
            1,
            1,
            null,
            List.of("flux"));
    return new CatalogRequest(
        id,
        "catalogs/" + id + "/manifest.csv",
        null,
        flux,
        window,
        startsPerRun,
        QUIET,
        null,
        usd,
        java.util.Map.of("flux", 0.125));
  }

  private static CatalogRequest request(String id, int window, int startsPerRun) {
    return new CatalogRequest(
        id,
        "catalogs/" + id + "/manifest.csv",
        null,
        ShootPolicy.auto(),
        window,
        startsPerRun,
        QUIET,
        null);
  }
}
