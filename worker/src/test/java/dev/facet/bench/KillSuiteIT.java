package dev.facet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link KillSuite} at CI size: 12 products, the worker SIGKILLed 4 times. Nothing is lost and
 * FLUX bills each delivered candidate once. Skipped without the {@code temporal} CLI, unless {@code
 * FACET_REQUIRE_TEMPORAL_CLI=true}.
 */
class KillSuiteIT {

  @Test
  void aCatalogSurvivesRepeatedWorkerKillsAndPaysOncePerCandidate() throws Exception {
    Bench.assumeTemporalCli();
    KillSuite.Options options = new KillSuite.Options(
        Integer.getInteger("facet.faults.products", 12), Integer.getInteger("facet.faults.kills", 4),
        Duration.ofSeconds(4), Duration.ofSeconds(12), 7, Duration.ofMinutes(15));

    KillSuite.Figures figures;
    try (Bench bench = Bench.start(8, List.of("-Xmx512m"))) {
      figures = KillSuite.run(bench, options);
    }
    figures.print();

    assertThat(figures.kills()).as("kills while the catalog ran").isGreaterThanOrEqualTo(1);
    assertThat(figures.lost()).as("products lost").isZero();
    assertThat(figures.progress().published()).isEqualTo(options.products());
    assertThat(figures.delivered()).isEqualTo(options.products() * KillSuite.VARIANTS);
    // A kill in the milliseconds between BFL accepting a task and the heartbeat that records its
    // id pays that task twice (BFL has no idempotency key); anything more is a bug.
    assertThat(figures.billed()).as("FLUX tasks billed")
        .isBetween(figures.delivered(), figures.delivered() + figures.kills());
  }
}
