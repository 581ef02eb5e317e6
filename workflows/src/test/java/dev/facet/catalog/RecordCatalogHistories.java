package dev.facet.catalog;

import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.steps.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the catalog history that {@link CatalogReplayTest} replays: 45 products (one bad row)
 * through a window of 25 in one run, so the first fill starts its shoots over two workflow tasks
 * ({@link CatalogWorkflowImpl#STARTS_PER_TASK}). Older recordings: 12 products through a window of
 * 3. Run it before a deliberate, versioned change, never to "fix" a failing replay; keep the older
 * recordings, which replay the older branches:
 *
 * <pre>
 * ./mvnw -pl workflows -am test -Dtest=RecordCatalogHistories -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfacet.recordHistories=true
 * </pre>
 *
 * <p>Each test method records one file; pick one with {@code -Dtest=RecordCatalogHistories#record}.
 */
@EnabledIfSystemProperty(named = "facet.recordHistories", matches = "true")
class RecordCatalogHistories {

  static final Path FOLDER = Path.of("src/test/resources/histories");

  @Test
  void record() throws Exception {
    FakeShoot.reset();
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build())) {
      ShootSearchAttributes.ALL.forEach(
          k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
      Worker worker = env.newWorker(TaskQueues.SHOOT);
      worker.registerWorkflowImplementationTypes(CatalogWorkflowImpl.class, FakeShoot.class);
      WorkflowClient client = env.getWorkflowClient();
      worker.registerActivitiesImplementations(
          new FakeCatalogActivities(45, Set.of(5)),
          new FakeShoot.SleepingWork(),
          new ClientShootWatch(client));
      env.start();
      String file = System.getProperty("facet.historyFile", "catalog-starts-in-batches.json");
      CatalogWorkflow catalog =
          client.newWorkflowStub(
              CatalogWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(CatalogWorkflow.workflowId("recorded"))
                  .setTaskQueue(TaskQueues.SHOOT)
                  .build());
      catalog.run(
          new CatalogRequest(
              "recorded",
              "catalogs/recorded/manifest.csv",
              null,
              ShootPolicy.auto(),
              25,
              100,
              Duration.ofSeconds(2),
              null));
      Files.createDirectories(FOLDER);
      Files.writeString(
          FOLDER.resolve(file),
          client.fetchHistory(CatalogWorkflow.workflowId("recorded")).toJson(true));
    }
  }

  /**
   * {@code catalog-budget-overrides.json}: 8 products on FLUX at $0.125 an image under a $0.75
   * budget (each shoot may cost $0.25), product 2 with its own channels, product 5 on the free
   * studio renderer; the budget holds products at the cap and is raised twice.
   */
  @Test
  void recordBudgetAndOverrides() throws Exception {
    FakeShoot.reset();
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build())) {
      ShootSearchAttributes.ALL.forEach(
          k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
      Worker worker = env.newWorker(TaskQueues.SHOOT);
      worker.registerWorkflowImplementationTypes(CatalogWorkflowImpl.class, FakeShoot.class);
      WorkflowClient client = env.getWorkflowClient();
      FakeCatalogActivities activities = new FakeCatalogActivities(8, Set.of());
      activities.overrides.put(2, new ShootOverrides(List.of("etsy"), List.of(), 2));
      activities.overrides.put(5, new ShootOverrides(List.of(), List.of("studio"), null));
      FakeShoot.free.add(FakeCatalogActivities.sku(5));
      worker.registerActivitiesImplementations(
          activities, new FakeShoot.SleepingWork(), new ClientShootWatch(client));
      env.start();
      CatalogWorkflow catalog =
          client.newWorkflowStub(
              CatalogWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(CatalogWorkflow.workflowId("budgeted"))
                  .setTaskQueue(TaskQueues.SHOOT)
                  .build());
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
      WorkflowClient.start(
          catalog::run,
          new CatalogRequest(
              "budgeted",
              "catalogs/budgeted/manifest.csv",
              null,
              flux,
              4,
              100,
              Duration.ofSeconds(2),
              null,
              0.75,
              Map.of("flux", 0.125)));
      awaitHeld(catalog);
      catalog.raiseBudget(new BudgetRaise(1.25));
      awaitHeld(catalog);
      catalog.raiseBudget(new BudgetRaise(2.0));
      WorkflowStub.fromTyped(catalog).getResult(CatalogResult.class);
      Files.createDirectories(FOLDER);
      Files.writeString(
          FOLDER.resolve("catalog-budget-overrides.json"),
          client.fetchHistory(CatalogWorkflow.workflowId("budgeted")).toJson(true));
    }
  }

  /** Waits until the catalog holds products with nothing in progress. */
  private static void awaitHeld(CatalogWorkflow catalog) throws InterruptedException {
    while (true) {
      CatalogProgress progress = catalog.progress();
      if (progress.inProgress() == 0 && progress.budget().reached()) {
        return;
      }
      Thread.sleep(50);
    }
  }
}
