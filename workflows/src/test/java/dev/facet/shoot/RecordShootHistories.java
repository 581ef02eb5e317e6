package dev.facet.shoot;

import dev.facet.catalog.CatalogActivities;
import dev.facet.catalog.CatalogReport;
import dev.facet.catalog.ManifestPage;
import dev.facet.catalog.ProductOutcome;
import dev.facet.steps.FailureTypes;
import dev.facet.steps.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
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
 * <pre>
 * ./mvnw -pl workflows -am test -Dtest=RecordShootHistories -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfacet.recordHistories=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "facet.recordHistories", matches = "true")
class RecordShootHistories {

  static final Path FOLDER = Path.of("src/test/resources/histories");

  @Test
  void record() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      ShootSearchAttributes.ALL.forEach(
          k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
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
      shoot.decide(
          Decision.select(Map.of("hero", "r1-hero-v1", "profile", "r1-profile-v2"), "ana"));
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

  /**
   * Automated QA sends the studio renderer's hero back: the next round is flux's, not the same
   * pictures again (the no-identical-retries branch). Record alone with {@code
   * -Dtest=RecordShootHistories#recordQaMovesOn}.
   */
  @Test
  void recordQaMovesOn() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      ShootSearchAttributes.ALL.forEach(
          k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
      FakeSteps steps = new FakeSteps();
      steps.qaPasses = (round, shot) -> round > 1 || !shot.equals("hero");
      Worker worker = env.newWorker(TaskQueues.SHOOT);
      worker.registerWorkflowImplementationTypes(ProductShootWorkflowImpl.class);
      worker.registerActivitiesImplementations(steps);
      env.newWorker(TaskQueues.generation("studio"))
          .registerActivitiesImplementations(new FakeGenerator());
      env.newWorker(TaskQueues.generation("flux"))
          .registerActivitiesImplementations(new FakeGenerator());
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      ShootPolicy policy =
          new ShootPolicy(
              ShootPolicy.Approval.AUTO,
              null,
              null,
              ShootPolicy.TimeoutAction.AUTO,
              2,
              3,
              List.of("master"),
              List.of("studio", "flux"));
      stub(client, "RING-QA-MOVES-ON")
          .run(ProductShootWorkflowTest.request("RING-QA-MOVES-ON", policy));
      save(client, "RING-QA-MOVES-ON", "shoot-qa-moves-on.json");
    }
  }

  /**
   * Two channels finished in one post-process activity per shot (the shot-in-one-pass branch).
   * Record alone with {@code -Dtest=RecordShootHistories#recordShotInOnePass}.
   */
  @Test
  void recordShotInOnePass() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      ShootSearchAttributes.ALL.forEach(
          k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
      Worker worker = env.newWorker(TaskQueues.SHOOT);
      worker.registerWorkflowImplementationTypes(ProductShootWorkflowImpl.class);
      worker.registerActivitiesImplementations(new FakeSteps());
      env.newWorker(TaskQueues.generation("studio"))
          .registerActivitiesImplementations(new FakeGenerator());
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      ShootPolicy policy =
          new ShootPolicy(
              ShootPolicy.Approval.AUTO,
              null,
              null,
              ShootPolicy.TimeoutAction.AUTO,
              2,
              3,
              List.of("amazon-main", "master"),
              null);
      stub(client, "RING-ONE-PASS").run(ProductShootWorkflowTest.request("RING-ONE-PASS", policy));
      save(client, "RING-ONE-PASS", "shoot-one-pass.json");
    }
  }

  /**
   * The fewer-round-trips shape: prompts in a local activity (a moderated studio variant also
   * softens its prompt locally before flux takes it), QA of each round in one activity, and a
   * second round that automated QA sends to flux. Record alone with {@code
   * -Dtest=RecordShootHistories#recordFewerRoundTrips}.
   */
  @Test
  void recordFewerRoundTrips() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      ShootSearchAttributes.ALL.forEach(
          k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
      FakeSteps steps = new FakeSteps();
      steps.qaPasses = (round, shot) -> round > 1 || !shot.equals("hero");
      Worker worker = env.newWorker(TaskQueues.SHOOT);
      worker.registerWorkflowImplementationTypes(ProductShootWorkflowImpl.class);
      worker.registerActivitiesImplementations(steps);
      FakeGenerator studio = new FakeGenerator();
      studio.permanentFailures.put(
          "hero v2",
          ApplicationFailure.newNonRetryableFailure(
              "prompt refused", FailureTypes.PROVIDER_MODERATED));
      env.newWorker(TaskQueues.generation("studio")).registerActivitiesImplementations(studio);
      env.newWorker(TaskQueues.generation("flux"))
          .registerActivitiesImplementations(new FakeGenerator());
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      ShootPolicy policy =
          new ShootPolicy(
              ShootPolicy.Approval.AUTO,
              null,
              null,
              ShootPolicy.TimeoutAction.AUTO,
              2,
              3,
              List.of("amazon-main", "master"),
              List.of("studio", "flux"));
      stub(client, "RING-FEWER-TRIPS")
          .run(ProductShootWorkflowTest.request("RING-FEWER-TRIPS", policy));
      save(client, "RING-FEWER-TRIPS", "shoot-fewer-round-trips.json");
    }
  }

  /**
   * A shoot of a catalog, auto-approved in one round: it publishes, records its outcome for the
   * catalog report and signals the catalog (absent here, so the signal fails and is logged). Record
   * alone with {@code -Dtest=RecordShootHistories#recordInCatalog}. {@code shoot-in-catalog.json}
   * was recorded at fewer-round-trips version 1, before publishing went local.
   */
  @Test
  void recordInCatalog() throws Exception {
    recordInCatalog("shoot-in-catalog-publish-locally.json");
  }

  private void recordInCatalog(String file) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      ShootSearchAttributes.ALL.forEach(
          k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
      Worker worker = env.newWorker(TaskQueues.SHOOT);
      worker.registerWorkflowImplementationTypes(ProductShootWorkflowImpl.class);
      worker.registerActivitiesImplementations(new FakeSteps(), new OutcomesKept());
      env.newWorker(TaskQueues.generation("studio"))
          .registerActivitiesImplementations(new FakeGenerator());
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      ShootRequest alone = ProductShootWorkflowTest.request("RING-IN-CATALOG", ShootPolicy.auto());
      stub(client, "RING-IN-CATALOG")
          .run(
              new ShootRequest(
                  alone.product(), alone.photos(), alone.style(), alone.policy(), "summer"));
      save(client, "RING-IN-CATALOG", file);
    }
  }

  /** The catalog's activities as a shoot uses them: only its outcome, kept nowhere. */
  static final class OutcomesKept implements CatalogActivities {
    @Override
    public ManifestPage readManifest(String manifestKey, int offset, int limit) {
      throw new UnsupportedOperationException("a shoot reads no manifest");
    }

    @Override
    public void recordOutcome(ProductOutcome outcome) {}

    @Override
    public CatalogReport writeReport(String catalogId) {
      throw new UnsupportedOperationException("a shoot writes no report");
    }
  }

  /**
   * A bake-off (studio and flux, a reviewer's vote) and an {@code auto}-routed shoot: the
   * provider-measurement path. Record alone with {@code
   * -Dtest=RecordShootHistories#recordProviderMeasurement}.
   */
  @Test
  void recordProviderMeasurement() throws Exception {
    recordProviderMeasurement("shoot-bakeoff.json", "shoot-routed-auto.json");
  }

  /**
   * The same bake-off in the fewer-round-trips shape: its best candidates finished, then inspected
   * in one activity. Record alone with {@code
   * -Dtest=RecordShootHistories#recordBakeoffFewerRoundTrips}.
   */
  @Test
  void recordBakeoffFewerRoundTrips() throws Exception {
    recordProviderMeasurement("shoot-bakeoff-fewer-round-trips.json", null);
  }

  /**
   * Records the bake-off into {@code bakeoffFile} and, when not null, the routed shoot into {@code
   * routedFile}.
   */
  private void recordProviderMeasurement(String bakeoffFile, String routedFile) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      ShootSearchAttributes.ALL.forEach(
          k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
      FakeProviderReports reports = new FakeProviderReports();
      reports.rows =
          List.of(
              ProviderMeasurementWorkflowTest.row("flux", 12, 0.25, 0.16),
              ProviderMeasurementWorkflowTest.row("openai", 12, 0.92, 0.21));
      Worker worker = env.newWorker(TaskQueues.SHOOT);
      worker.registerWorkflowImplementationTypes(ProductShootWorkflowImpl.class);
      worker.registerActivitiesImplementations(new FakeSteps(), reports);
      for (String provider : List.of("studio", "flux", "openai")) {
        env.newWorker(TaskQueues.generation(provider))
            .registerActivitiesImplementations(new FakeGenerator());
      }
      env.start();
      WorkflowClient client = env.getWorkflowClient();

      ShootPolicy bakeoff =
          new ShootPolicy(
              null,
              null,
              null,
              null,
              2,
              1,
              List.of("master"),
              List.of("studio", "flux"),
              null,
              true,
              null);
      ProductShootWorkflow shoot = stub(client, "RING-BAKEOFF");
      WorkflowClient.start(shoot::run, ProductShootWorkflowTest.request("RING-BAKEOFF", bakeoff));
      await(env, shoot, Stage.AWAITING_SELECTION);
      shoot.decide(
          Decision.select(Map.of("hero", "r1-hero-v3", "profile", "r1-profile-v1"), "ana"));
      await(env, shoot, Stage.AWAITING_APPROVAL);
      shoot.decide(Decision.approve("ana"));
      WorkflowStub.fromTyped(shoot).getResult(ShootResult.class);
      save(client, "RING-BAKEOFF", bakeoffFile);
      if (routedFile == null) {
        return;
      }

      ProductShootWorkflow routed = stub(client, "RING-ROUTED");
      routed.run(
          ProductShootWorkflowTest.request(
              "RING-ROUTED", ProviderMeasurementWorkflowTest.autoPolicy(0.8, 10, 0.1)));
      save(client, "RING-ROUTED", routedFile);
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
        FOLDER.resolve(file),
        client.fetchHistory(ProductShootWorkflow.workflowId(sku)).toJson(true));
  }
}
