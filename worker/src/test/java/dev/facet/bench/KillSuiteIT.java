package dev.facet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link KillSuite} at CI size: 12 products of the mixed catalog (rings FLUX first, pendants OpenAI
 * first), the worker SIGKILLed 4 times. Nothing is lost; the ledger is each provider's bill line by
 * line: every line joins a charge, or a request a kill cut short before its last byte (a
 * maybe-billed line the provider never charged, which no client can tell from one it did), and
 * every charge is on a line; every extra charge was in flight at a kill; every generation in flight
 * at a kill is retried within a minute; no workflow task times out but those a killed worker held.
 * Skipped without the {@code temporal} CLI, unless {@code FACET_REQUIRE_TEMPORAL_CLI=true}.
 */
class KillSuiteIT {

  @Test
  void aMixedCatalogSurvivesWorkerKillsPaysOnlyForWhatWasInFlightAndLedgersEveryCharge()
      throws Exception {
    Bench.assumeTemporalCli();
    KillSuite.Options options =
        new KillSuite.Options(
            Integer.getInteger("facet.faults.products", 12),
            Integer.getInteger("facet.faults.kills", 4),
            Duration.ofSeconds(4),
            Duration.ofSeconds(12),
            7,
            Duration.ofMinutes(15));

    KillSuite.Figures figures;
    try (Bench bench = Bench.start(8, List.of("-Xmx512m"))) {
      figures = KillSuite.run(bench, options);
    }
    figures.print();

    assertThat(figures.kills()).as("kills while the catalog ran").isGreaterThanOrEqualTo(1);
    assertThat(figures.lost()).as("products lost").isZero();
    assertThat(figures.progress().published()).isEqualTo(options.products());
    assertThat(figures.providers())
        .allSatisfy(
            p -> {
              assertThat(p.join().untraced())
                  .as(p.provider() + " ledger lines the provider has no trace of")
                  .isEmpty();
              assertThat(p.join().offLedger())
                  .as(p.provider() + " charges on no ledger line")
                  .isEmpty();
              assertThat(p.cutAtKill())
                  .as(
                      p.provider()
                          + " incomplete requests on the ledger cut by a kill,"
                          + " of "
                          + p.join().cutShort().size()
                          + ": "
                          + p.cutShortLines())
                  .isEqualTo(p.join().cutShort().size());
              assertThat(p.excess())
                  .as(
                      p.provider()
                          + " ledger - billed: the incomplete requests, no more"
                          + " (billed "
                          + p.billed()
                          + ", ledger "
                          + p.ledger().size()
                          + ")")
                  .isEqualTo(p.join().cutShort().size());
              assertThat(p.unexplained())
                  .as(p.provider() + " extra charges not in flight at a kill")
                  .isEmpty();
              assertThat(p.retryPercentile(0.95))
                  .as(p.provider() + " kill to retry, p95 (ms)")
                  .isLessThanOrEqualTo(60_000);
            });
    assertThat(figures.providers().stream().mapToInt(KillSuite.ProviderFigures::delivered).sum())
        .isEqualTo(options.products() * KillSuite.VARIANTS);
    assertThat(figures.unresolvedRetries()).as("in-flight generations never seen retried").isZero();
    assertThat(figures.catalogTasks().unexplained() + figures.shootTasks().unexplained())
        .as("workflow task timeouts that no kill explains")
        .isZero();
    assertThat(figures.goalsMet()).as("the printed verdict agrees").isTrue();
  }
}
