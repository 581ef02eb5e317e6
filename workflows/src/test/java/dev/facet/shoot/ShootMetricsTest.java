package dev.facet.shoot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.uber.m3.tally.Buckets;
import com.uber.m3.tally.Capabilities;
import com.uber.m3.tally.CapableOf;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.StatsReporter;
import com.uber.m3.util.Duration;
import dev.facet.metrics.FacetMetrics;
import dev.facet.steps.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The shoot's own metrics, human waits and the cost ledger, are emitted once, not again on replay:
 * with a workflow cache of one, two shoots evict each other, so each decision's workflow task
 * replays that shoot's whole history and a replay-unsafe metric would be counted again.
 */
class ShootMetricsTest {

  /** One timer sample as the reporter saw it. */
  record Sample(String name, Map<String, String> tags, Duration value) {}

  /** One counter increment as the reporter saw it. */
  record Count(String name, Map<String, String> tags, long value) {}

  /** Keeps every timer sample and counter increment reported to it. */
  static final class Recorder implements StatsReporter {
    final List<Sample> timers = new CopyOnWriteArrayList<>();
    final List<Count> counters = new CopyOnWriteArrayList<>();

    @Override
    public void reportTimer(String name, Map<String, String> tags, Duration interval) {
      timers.add(new Sample(name, tags, interval));
    }

    @Override
    public void reportCounter(String name, Map<String, String> tags, long value) {
      counters.add(new Count(name, tags, value));
    }

    @Override
    public void reportGauge(String name, Map<String, String> tags, double value) {}

    @Override
    public void reportHistogramValueSamples(
        String name,
        Map<String, String> tags,
        Buckets buckets,
        double bucketLowerBound,
        double bucketUpperBound,
        long samples) {}

    @Override
    public void reportHistogramDurationSamples(
        String name,
        Map<String, String> tags,
        Buckets buckets,
        Duration bucketLowerBound,
        Duration bucketUpperBound,
        long samples) {}

    @Override
    public Capabilities capabilities() {
      return CapableOf.REPORTING;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void eachWaitForAHumanAndEachChargeIsCountedOnceAlthoughEveryTaskReplays() throws Exception {
    Recorder recorder = twoShootsEvictingEachOther();
    for (int attempt = 2; recorder == null && attempt <= ATTEMPTS; attempt++) {
      recorder = twoShootsEvictingEachOther();
    }
    assertThat(recorder).as("a run the test server did not race in, of %d", ATTEMPTS).isNotNull();

    List<Sample> waits =
        recorder.timers.stream().filter(s -> s.name().equals(FacetMetrics.HUMAN_WAIT)).toList();
    assertThat(waits)
        .extracting(s -> s.tags().get(FacetMetrics.DECISION_POINT))
        .containsExactlyInAnyOrder("selection", "selection", "approval", "approval");
    assertThat(waits)
        .allSatisfy(
            s -> {
              assertThat(s.tags())
                  .containsEntry(FacetMetrics.OUTCOME, FacetMetrics.DECIDED)
                  .containsEntry("workflow_type", "ProductShoot");
            });
    // Two shoots × 8 variants at $0.04, billed and delivered: each charge once.
    List<Count> costs =
        recorder.counters.stream()
            .filter(c -> c.name().equals(FacetMetrics.PROVIDER_COST))
            .toList();
    assertThat(costs)
        .isNotEmpty()
        .allSatisfy(
            c ->
                assertThat(c.tags())
                    .containsEntry(FacetMetrics.PROVIDER, "studio")
                    .containsEntry(FacetMetrics.BILLING, "billed")
                    .containsEntry(FacetMetrics.OUTCOME, FacetMetrics.DELIVERED));
    assertThat(costs.stream().mapToLong(Count::value).sum()).isEqualTo(16 * 40_000L);
    // Workflow time: the five minutes the test skipped are part of the selection wait.
    assertThat(waits)
        .filteredOn(s -> s.tags().get(FacetMetrics.DECISION_POINT).equals("selection"))
        .allSatisfy(s -> assertThat(s.value().getSeconds()).isGreaterThanOrEqualTo(300));
  }

  /**
   * The in-memory test server now and then hands out a workflow task whose history lags behind a
   * completion it has not yet recorded; the SDK then discards that task's progress and runs it
   * again as new work, not as a replay, so what it emitted is emitted twice, as Temporal's metrics
   * are at least once. A run where that happened says nothing about replays and is run again.
   */
  private static final int ATTEMPTS = 3;

  /** The SDK's logger that reports a discarded task. */
  private static final String TASK_HANDLER =
      "io.temporal.internal.replay.ReplayWorkflowTaskHandler";

  /** Two shoots through to publishing; null if the test server discarded a task's progress. */
  private static Recorder twoShootsEvictingEachOther() throws Exception {
    Recorder recorder = new Recorder();
    Scope scope = new RootScopeBuilder().reporter(recorder).reportEvery(Duration.ofMillis(50));
    ListAppender<ILoggingEvent> discards = new ListAppender<>();
    Logger taskHandler = (Logger) LoggerFactory.getLogger(TASK_HANDLER);
    taskHandler.addAppender(discards);
    discards.start();
    TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setMetricsScope(scope)
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(1).build())
                .build());
    try {
      ShootSearchAttributes.ALL.forEach(
          key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
      Worker worker = env.newWorker(TaskQueues.SHOOT);
      worker.registerWorkflowImplementationTypes(ProductShootWorkflowImpl.class);
      worker.registerActivitiesImplementations(new FakeSteps());
      env.newWorker(TaskQueues.generation("studio"))
          .registerActivitiesImplementations(new FakeGenerator());
      env.start();

      ShootPolicy manual = ShootPolicy.defaults();
      List<ProductShootWorkflow> shoots =
          List.of(start(env, "RING-A", manual), start(env, "RING-B", manual));
      shoots.forEach(shoot -> awaitStage(env, shoot, Stage.AWAITING_SELECTION));
      env.sleep(java.time.Duration.ofMinutes(5));
      for (ProductShootWorkflow shoot : shoots) {
        shoot.decide(
            Decision.select(Map.of("hero", "r1-hero-v1", "profile", "r1-profile-v1"), "ana"));
      }
      shoots.forEach(shoot -> awaitStage(env, shoot, Stage.AWAITING_APPROVAL));
      // Both approvals before any wait for a result: waiting skips time, and the other shoot's
      // approval would time out meanwhile.
      shoots.forEach(shoot -> shoot.decide(Decision.approve("ben")));
      for (ProductShootWorkflow shoot : shoots) {
        ShootResult result = WorkflowStub.fromTyped(shoot).getResult(ShootResult.class);
        assertThat(result.outcome()).isEqualTo(Stage.PUBLISHED);
      }
    } finally {
      env.close();
      scope.close(); // reports what is left
      taskHandler.detachAppender(discards);
    }
    boolean discarded =
        discards.list.stream()
            .anyMatch(
                e ->
                    e.getThrowableProxy() != null
                        && String.valueOf(e.getThrowableProxy().getMessage())
                            .contains("progress needs to be discarded"));
    return discarded ? null : recorder;
  }

  private static ProductShootWorkflow start(
      TestWorkflowEnvironment env, String sku, ShootPolicy policy) {
    ProductShootWorkflow shoot =
        env.getWorkflowClient()
            .newWorkflowStub(
                ProductShootWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ProductShootWorkflow.workflowId(sku))
                    .setTaskQueue(TaskQueues.SHOOT)
                    .build());
    WorkflowClient.start(shoot::run, ProductShootWorkflowTest.request(sku, policy));
    return shoot;
  }

  private static void awaitStage(
      TestWorkflowEnvironment env, ProductShootWorkflow shoot, Stage stage) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (shoot.state().stage() != stage) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(
            "shoot never reached " + stage + "; it is " + shoot.state().stage());
      }
      env.sleep(java.time.Duration.ofMillis(50));
    }
  }
}
