package dev.facet.shoot;

import dev.facet.steps.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories that {@link ProductShootReplayTest} replays. Run it before a deliberate,
 * versioned change to the workflow, never to "fix" a failing replay:
 *
 * <pre>./mvnw -pl workflows test -Dtest=RecordShootHistories -Dfacet.recordHistories=true</pre>
 */
@EnabledIfSystemProperty(named = "facet.recordHistories", matches = "true")
class RecordShootHistories {

  static final Path FOLDER = Path.of("src/test/resources/histories");

  @Test
  void record() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      ShootSearchAttributes.ALL.forEach(k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
      FakeSteps steps = new FakeSteps();
      Worker worker = env.newWorker(TaskQueues.SHOOT);
      worker.registerWorkflowImplementationTypes(ProductShootWorkflowImpl.class);
      worker.registerActivitiesImplementations(steps);
      FakeGenerator generator = new FakeGenerator();
      generator.transientFailures.put("hero v2", 1);
      env.newWorker(TaskQueues.generation("studio")).registerActivitiesImplementations(generator);
      env.start();
      WorkflowClient client = env.getWorkflowClient();

      ProductShootWorkflow auto = stub(client, "RING-AUTO");
      auto.run(ProductShootWorkflowTest.request("RING-AUTO", ShootPolicy.auto()));
      save(client, "RING-AUTO", "shoot-auto.json");

      ShootPolicy manual = new ShootPolicy(null, null, null, null, 2, 3, List.of("master"), null);
      ProductShootWorkflow shoot = stub(client, "RING-MANUAL");
      WorkflowClient.start(shoot::run, ProductShootWorkflowTest.request("RING-MANUAL", manual));
      await(env, shoot, Stage.AWAITING_SELECTION);
      shoot.decide(Decision.select(Map.of("hero", "r1-hero-v1", "profile", "r1-profile-v2"), "ana"));
      await(env, shoot, Stage.AWAITING_APPROVAL);
      shoot.decision(Decision.reject("band too pink", List.of("hero"), "ana"));
      await(env, shoot, Stage.AWAITING_SELECTION);
      shoot.decision(Decision.select(Map.of("hero", "r2-hero-v2"), "ben"));
      await(env, shoot, Stage.AWAITING_APPROVAL);
      shoot.decide(Decision.approve("ben"));
      WorkflowStub.fromTyped(shoot).getResult(ShootResult.class);
      save(client, "RING-MANUAL", "shoot-manual-reject-approve.json");
    }
  }

  private static ProductShootWorkflow stub(WorkflowClient client, String sku) {
    return client.newWorkflowStub(
        ProductShootWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(ProductShootWorkflow.workflowId(sku))
            .setTaskQueue(TaskQueues.SHOOT)
            .build());
  }

  private static void await(TestWorkflowEnvironment env, ProductShootWorkflow shoot, Stage stage) {
    while (shoot.state().stage() != stage) {
      env.sleep(Duration.ofMillis(50));
    }
  }

  private static void save(WorkflowClient client, String sku, String file) throws Exception {
    Files.createDirectories(FOLDER);
    Files.writeString(
        FOLDER.resolve(file), client.fetchHistory(ProductShootWorkflow.workflowId(sku)).toJson(true));
  }
}
