package dev.facet.catalogwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.catalog.ShootUpdate;
import dev.facet.model.ProviderSpend;
import dev.facet.shoot.Decision;
import dev.facet.shoot.DecisionReceipt;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootRequest;
import dev.facet.shoot.ShootResult;
import dev.facet.shoot.ShootState;
import dev.facet.shoot.Stage;
import dev.facet.steps.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TemporalShootWatchTest {

  private TestWorkflowEnvironment env;
  private WorkflowClient client;

  @BeforeEach
  void setUp() {
    // No time skipping: the shoot that must still be running would otherwise be timed out or woken
    // while the client blocks on the others.
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    env.newWorker(TaskQueues.SHOOT).registerWorkflowImplementationTypes(ScriptedShoot.class);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void reportsEveryClosedShootWithItsOutcomeAndLeavesRunningOnesOut() {
    start("DONE").run(null);
    try {
      start("BROKEN").run(null);
    } catch (RuntimeException expected) {
      // It fails on purpose.
    }
    ProductShootWorkflow running = start("RUNNING");
    WorkflowClient.start(running::run, null);
    ProductShootWorkflow killed = start("KILLED");
    WorkflowClient.start(killed::run, null);
    WorkflowStub.fromTyped(killed).terminate("operator said so");

    List<ShootUpdate> closed =
        new TemporalShootWatch(client).closedShoots(List.of("DONE", "BROKEN", "RUNNING", "KILLED"));

    assertThat(closed)
        .extracting(ShootUpdate::sku, ShootUpdate::stage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("DONE", Stage.PUBLISHED),
            org.assertj.core.groups.Tuple.tuple("BROKEN", Stage.FAILED),
            org.assertj.core.groups.Tuple.tuple("KILLED", Stage.FAILED));
    assertThat(closed.get(1).failure()).isEqualTo("capture failed: photo too blurry");
    assertThat(closed.get(1).spend())
        .as("a failed shoot still owes what it spent")
        .isEqualTo(ScriptedShoot.SPENT);
    assertThat(closed.get(1).costUsd()).isEqualTo(0.08);
    assertThat(closed.get(2).failure()).isEqualTo("the shoot was terminated");
  }

  private ProductShootWorkflow start(String sku) {
    return client.newWorkflowStub(
        ProductShootWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(ProductShootWorkflow.workflowId(sku))
            .setTaskQueue(TaskQueues.SHOOT)
            .build());
  }

  /** Ends as its workflow id says: published, failed, or still running. */
  public static class ScriptedShoot implements ProductShootWorkflow {
    @Override
    public ShootResult run(ShootRequest request) {
      String id = Workflow.getInfo().getWorkflowId();
      if (id.endsWith("BROKEN")) {
        throw ApplicationFailure.newNonRetryableFailure(
            "capture failed: photo too blurry", "ShootFailed");
      }
      if (!id.endsWith("DONE")) {
        Workflow.await(() -> false);
      }
      return new ShootResult(id, Stage.PUBLISHED, 1, List.of(), null, 0.5, null);
    }

    @Override
    public void decision(Decision decision) {}

    @Override
    public DecisionReceipt decide(Decision decision) {
      return null;
    }

    @Override
    public void validateDecide(Decision decision) {}

    static final List<ProviderSpend> SPENT = List.of(new ProviderSpend("flux", 2, 1, 0, 0.08));

    @Override
    public ShootState state() {
      return new ShootState(
          Workflow.getInfo().getWorkflowId(),
          "",
          Stage.FAILED,
          "",
          false,
          1,
          3,
          ShootPolicy.defaults(),
          List.of(),
          List.of(),
          List.of(),
          Map.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          0.08,
          null,
          "capture failed",
          null,
          Map.of(),
          List.of(),
          SPENT);
    }
  }
}
