package dev.facet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.devkit.providers.FakeCharge;
import dev.facet.devkit.providers.IncompleteRequest;
import dev.facet.model.Charge;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each ledger line finds what the provider saw of its request, or is shown to have nothing. */
class LedgerJoinTest {

  private static final long KILL = 1_000_000;

  @Test
  void everyLineJoinsAChargeACutRequestOrAHangUpAndTheRestIsListed() {
    Charge billed = sent("c-1").billed("task-1", 0.04);
    Charge lostAnswer = sent("c-2").maybeBilled(null, Charge.WORKER_KILLED);
    Charge cut = sent("c-3").maybeBilled(null, Charge.WORKER_KILLED);
    Charge hungUp = sent("c-4").maybeBilled(null, Charge.DROPPED_CONNECTION);
    Charge unknownId = sent("c-5").billed("task-9", 0.04);
    Charge neverSeen = sent("c-6").maybeBilled(null, Charge.WORKER_KILLED);
    FakeCharge offLedger = charge("task-7", "c-7");

    LedgerJoin join =
        LedgerJoin.of(
            List.of(billed, lostAnswer, cut, hungUp, unknownId, neverSeen),
            List.of(charge("task-1", "c-1"), charge("task-2", "c-2"), offLedger),
            List.of(
                new IncompleteRequest(
                    "c-3", "POST /v1/flux-pro-1.1", 99, 100, KILL - 50, KILL - 40, KILL + 5)),
            List.of("c-4"));

    assertThat(join.billed()).isEqualTo(1);
    assertThat(join.maybeBilledCharged()).isEqualTo(1);
    assertThat(join.cutShort()).extracting(LedgerJoin.CutShort::line).containsExactly(cut);
    assertThat(join.hungUp()).isEqualTo(1);
    assertThat(join.untraced()).containsExactly(unknownId, neverSeen);
    assertThat(join.offLedger()).containsExactly(offLedger);
    assertThat(join.everyLineTraced()).isFalse();
    assertThat(join.cutAtKill(List.of(KILL), 2_000)).isEqualTo(1);
    assertThat(join.cutAtKill(List.of(KILL + 10_000), 2_000)).as("cut before that kill").isZero();
  }

  @Test
  void twoLinesCannotCountOneCharge() {
    Charge once = sent("c-1").billed("task-1", 0.04);

    LedgerJoin join =
        LedgerJoin.of(List.of(once, once), List.of(charge("task-1", "c-1")), List.of(), List.of());

    assertThat(join.billed()).isEqualTo(1);
    assertThat(join.untraced()).containsExactly(once);
    assertThat(join.offLedger()).isEmpty();
  }

  private static Charge sent(String clientRequestId) {
    return Charge.inFlight("flux", "flux-pro-1.1", "r1-hero-v1", clientRequestId, 0.04);
  }

  private static FakeCharge charge(String id, String clientRequestId) {
    return new FakeCharge(id, clientRequestId, 5, "ok", 1, KILL - 1000, KILL - 900, 0, false);
  }
}
