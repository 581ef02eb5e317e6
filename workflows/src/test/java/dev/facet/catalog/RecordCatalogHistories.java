package dev.facet.catalog;

import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.steps.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the catalog history that {@link CatalogReplayTest} replays: 45 products (one bad row)
 * through a window of 25 in one run, so the first fill starts its shoots over two workflow tasks
 * ({@link CatalogWorkflowImpl#STARTS_PER_TASK}). Older recordings: 12 products through a window of
 * 3. Run it before a deliberate, versioned change, never to "fix" a
 * failing replay; keep the older recordings, which replay the older branches:
 *
 * <pre>./mvnw -pl workflows test -Dtest=RecordCatalogHistories -Dfacet.recordHistories=true</pre>
 */
@EnabledIfSystemProperty(named = "facet.recordHistories", matches = "true")
class RecordCatalogHistories {

  static final Path FOLDER = Path.of("src/test/resources/histories");

  @Test
  void record() throws Exception {
    FakeShoot.reset();
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
        TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build())) {
      ShootSearchAttributes.ALL.forEach(k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
      Worker worker = env.newWorker(TaskQueues.SHOOT);
      worker.registerWorkflowImplementationTypes(CatalogWorkflowImpl.class, FakeShoot.class);
      WorkflowClient client = env.getWorkflowClient();
      worker.registerActivitiesImplementations(new FakeCatalogActivities(45, Set.of(5)),
          new FakeShoot.SleepingWork(), new ClientShootWatch(client));
      env.start();
      String file = System.getProperty("facet.historyFile", "catalog-starts-in-batches.json");
      CatalogWorkflow catalog = client.newWorkflowStub(CatalogWorkflow.class, WorkflowOptions.newBuilder()
          .setWorkflowId(CatalogWorkflow.workflowId("recorded"))
          .setTaskQueue(TaskQueues.SHOOT)
          .build());
      catalog.run(new CatalogRequest("recorded", "catalogs/recorded/manifest.csv", null, ShootPolicy.auto(),
          25, 100, Duration.ofSeconds(2), null));
      Files.createDirectories(FOLDER);
      Files.writeString(FOLDER.resolve(file), client.fetchHistory(CatalogWorkflow.workflowId("recorded")).toJson(true));
    }
  }
}
