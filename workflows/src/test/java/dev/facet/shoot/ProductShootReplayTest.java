package dev.facet.shoot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import io.temporal.workflow.Workflow;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays recorded histories against the current workflow code: a change that would break running
 * shoots fails here, before it reaches a worker. See {@link RecordShootHistories}.
 */
class ProductShootReplayTest {

  /** Every recorded history: each replays on the current code, and each catches a careless edit. */
  static List<String> histories() {
    return List.of(
        "shoot-auto.json",
        "shoot-manual-reject-approve.json",
        "shoot-bakeoff.json",
        "shoot-routed-auto.json",
        "shoot-qa-moves-on.json",
        "shoot-one-pass.json",
        "shoot-fewer-round-trips.json",
        "shoot-bakeoff-fewer-round-trips.json",
        "shoot-in-catalog.json",
        "shoot-in-catalog-publish-locally.json");
  }

  @ParameterizedTest
  @MethodSource("histories")
  void recordedHistoriesReplayOnTheCurrentCode(String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        "histories/" + history, ProductShootWorkflowImpl.class);
  }

  @ParameterizedTest
  @MethodSource("histories")
  void anUnversionedChangeIsCaught(String history) {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    "histories/" + history, ExtraTimerShoot.class))
        // The replayer reports the NonDeterministicException inside its message.
        .hasMessageContaining(NonDeterministicException.class.getName())
        .hasMessageContaining("does not match command type COMMAND_TYPE_START_TIMER");
  }

  /** The shoot with one more command before anything else, as a careless edit might add. */
  public static class ExtraTimerShoot extends ProductShootWorkflowImpl {

    @io.temporal.workflow.WorkflowInit
    public ExtraTimerShoot(ShootRequest request) {
      super(request);
    }

    @Override
    public ShootResult run(ShootRequest request) {
      Workflow.sleep(java.time.Duration.ofSeconds(1));
      return super.run(request);
    }
  }
}
