package dev.facet.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.facet.model.Charge;
import dev.facet.model.Charge.Billing;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an attempt that ended without delivering leaves the next one, charge by charge. */
class GenerationCheckpointTest {

  private static final Charge REQUEST =
      Charge.inFlight("openai", "gpt-image-1.5", "r1-hero-v1", "c-1", 0.133);

  @Test
  void aRequestInFlightWhenTheWorkerDiedIsMaybeBilled() {
    GenerationCheckpoint next = GenerationCheckpoint.NONE.sending(REQUEST).afterCrash();

    assertThat(next.inFlight()).isNull();
    assertThat(next.charges())
        .extracting(Charge::billing, Charge::reason, Charge::delivered)
        .containsExactly(tuple(Billing.MAYBE_BILLED, Charge.WORKER_KILLED, false));
  }

  @Test
  void anAnswerPaidForButNotKeptIsLostUnlessItCanStillBeCollected() {
    GenerationCheckpoint answered =
        GenerationCheckpoint.NONE.sending(REQUEST).settled(REQUEST.billed("req_1", 0.133), null);
    GenerationCheckpoint task =
        GenerationCheckpoint.NONE
            .sending(REQUEST)
            .settled(REQUEST.billed("task-1", 0.04), "https://api.bfl.ai/v1/get_result?id=task-1");

    assertThat(answered.afterCrash().charges())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.billing()).isEqualTo(Billing.BILLED);
              assertThat(c.reason()).isEqualTo(Charge.WORKER_KILLED);
            });
    assertThat(task.afterCrash()).as("a task to resume is not lost").isEqualTo(task);
  }

  @Test
  void aChargeGivenUpAsLostThatTurnsOutStoredIsDelivered() {
    GenerationCheckpoint found =
        GenerationCheckpoint.NONE
            .sending(REQUEST)
            .settled(REQUEST.billed("req_1", 0.133), null)
            .afterCrash()
            .delivered();

    assertThat(found.charges())
        .extracting(Charge::reason, Charge::delivered)
        .containsExactly(tuple(null, true));
  }

  @Test
  void settledChargesAreLeftAsTheyAre() {
    GenerationCheckpoint settled =
        new GenerationCheckpoint(
            List.of(REQUEST.maybeBilled(null, Charge.DROPPED_CONNECTION)), null, null);

    assertThat(settled.afterCrash()).isEqualTo(settled);
    assertThat(settled.costUsd()).isEqualTo(0.133);
  }
}
