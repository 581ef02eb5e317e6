package dev.facet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalog benchmark at CI size: 50 products through the benchmark's own stack (real dev server,
 * fake provider with a concurrency cap, worker JVM), continuing as new every 20 starts. Checks
 * completion only (every product published, each shot once, no 429, no workflow task timed out),
 * never timings. Skipped without the {@code temporal} CLI, unless {@code
 * FACET_REQUIRE_TEMPORAL_CLI=true}.
 */
class CatalogBenchmarkIT {

  @Test
  void fiftyProductsArePublishedOnceEachWithoutA429() throws Exception {
    Bench.assumeTemporalCli();
    CatalogBenchmark.Options options =
        new CatalogBenchmark.Options(
            50,
            20,
            20,
            8,
            Duration.ofMillis(200),
            0,
            Duration.ZERO,
            true,
            false,
            List.of("-Xmx512m"),
            Duration.ofMinutes(10),
            0);

    CatalogBenchmark.CatalogFigures figures;
    try (Bench bench = Bench.start(options.concurrency(), options.workerJvmArgs())) {
      figures = CatalogBenchmark.runCatalog(bench, options);
    }
    CatalogBenchmark.print(figures);

    assertThat(figures.progress().published()).isEqualTo(50);
    assertThat(figures.progress().failed()).isZero();
    assertThat(figures.shootExecutions()).as("ProductShoot executions").isEqualTo(50);
    assertThat(figures.shootIds()).as("distinct shoot ids").isEqualTo(50);
    assertThat(figures.catalogRuns())
        .as("catalog runs (continue-as-new)")
        .isGreaterThanOrEqualTo(3);
    assertThat(figures.throttled()).as("429s from the provider").isZero();
    assertThat(figures.billed()).as("images paid for").isEqualTo(200);
    assertThat(figures.catalogTasks().unexplained() + figures.shootTasks().unexplained())
        .as("workflow task timeouts")
        .isZero();
  }
}
