package dev.facet.shoot;

import dev.facet.metrics.FacetMetrics;
import dev.facet.model.Candidate;
import dev.facet.model.Charge;
import dev.facet.model.ProviderSpend;
import dev.facet.steps.GenerationCheckpoint;
import dev.facet.steps.Providers;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.Values;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * The shoot's cost ledger: every request its generations may have been charged for, whether the
 * generation delivered ({@link Candidate#charges}), failed (its failure's {@link
 * GenerationCheckpoint}) or died with no attempt left (the checkpoint of its last heartbeat). Each
 * line is counted once in the cost metric and the ledger log, both silent on replay.
 */
final class Ledger {

  /** Logger name of the ledger lines, so they can be routed to a file of their own. */
  static final String LOGGER = "dev.facet.ledger";

  private static final Logger log = Workflow.getLogger(LOGGER);

  private final List<Charge> lines = new ArrayList<>();

  /** Adds what the candidate cost; returns its total. */
  double add(Candidate made) {
    return add(
        made.charges() != null
            ? made.charges()
            : made.costUsd() == 0
                ? List.of()
                // Recorded before candidates carried their charges: one billed line of its cost.
                : List.of(
                    new Charge(
                        Providers.providerOf(made.provider()),
                        made.model(),
                        made.id(),
                        null,
                        null,
                        made.costUsd(),
                        Charge.Billing.BILLED,
                        null,
                        true)));
  }

  /** Adds what a failed generation was charged; returns its total. */
  double add(ActivityFailure failed) {
    return add(checkpointOf(failed).charges());
  }

  List<Charge> lines() {
    return List.copyOf(lines);
  }

  double costUsd() {
    return lines.stream().mapToDouble(Charge::usd).sum();
  }

  List<ProviderSpend> spend() {
    return ProviderSpend.of(lines);
  }

  private double add(List<Charge> charges) {
    for (Charge charge : charges) {
      lines.add(charge);
      FacetMetrics.cost(Workflow.getMetricsScope(), charge);
      log.info("{}", charge);
    }
    return charges.stream().mapToDouble(Charge::usd).sum();
  }

  /**
   * A paid generation's failure carries its checkpoint as the second detail; an attempt that died
   * (heartbeat or start-to-close timeout) left it in its last heartbeat, with a request it may have
   * had in flight.
   */
  private static GenerationCheckpoint checkpointOf(ActivityFailure failed) {
    if (failed.getCause() instanceof ApplicationFailure failure) {
      return read(failure.getDetails(), 1);
    }
    if (failed.getCause() instanceof TimeoutFailure timeout) {
      return read(timeout.getLastHeartbeatDetails(), 0).afterCrash();
    }
    return GenerationCheckpoint.NONE;
  }

  private static GenerationCheckpoint read(Values details, int index) {
    try {
      GenerationCheckpoint checkpoint =
          details.getSize() > index ? details.get(index, GenerationCheckpoint.class) : null;
      return checkpoint == null ? GenerationCheckpoint.NONE : checkpoint;
    } catch (DataConverterException notACheckpoint) {
      // A free generator's failure, or one recorded before failures carried checkpoints.
      return GenerationCheckpoint.NONE;
    }
  }
}
