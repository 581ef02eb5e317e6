package dev.facet.bench;

import dev.facet.catalog.CatalogProgress;
import dev.facet.catalog.CatalogRequest;
import dev.facet.catalog.CatalogResult;
import dev.facet.catalog.CatalogWorkflow;
import dev.facet.shoot.ShootPolicy;
import dev.facet.steps.Providers;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fault suite, part 1: the worker JVM SIGKILLed at random moments while a catalog runs, and a
 * fresh one started each time, as a supervisor would. Every variant is a FLUX task on the fake
 * BFL API through the real {@link dev.facet.providers.FluxGenerator} (submit, heartbeat the task
 * id, poll, download); the imaging steps are {@link StandInSteps}. Prints products completed and
 * lost, and FLUX tasks billed against candidates delivered (goal 1.00: a task paid before a kill
 * is resumed from its heartbeat, not submitted again).
 *
 * <p>{@code bench/faults} runs it, then {@link #runWithProviderFaults} (README, "Operating Facet");
 * {@link KillSuiteIT} runs the kills at a smaller size in CI.
 */
public final class KillSuite {

  /**
   * @param products catalog size
   * @param kills SIGKILLs, each after a random pause of {@code minGap}–{@code maxGap}
   */
  record Options(int products, int kills, Duration minGap, Duration maxGap, long seed,
      Duration timeout) {

    static Options defaults() {
      return new Options(50, 20, Duration.ofSeconds(2), Duration.ofSeconds(8), 7,
          Duration.ofMinutes(60));
    }
  }

  /** What the suite measured. */
  record Figures(int products, int kills, CatalogProgress progress, int billed,
      int delivered, long makespanSeconds) {

    int lost() {
      return products - progress.published() - progress.rejected() - progress.expired()
          - progress.failed() - progress.cancelled();
    }

    double billedPerDelivered() {
      return delivered == 0 ? 0 : billed / (double) delivered;
    }

    void print() {
      System.out.printf("""

          Fault suite: worker SIGKILLed at random moments during a catalog
            kills                        %d
            products                     %d: %d published, %d failed, %d rejected
            products lost                %d  (goal 0)
            FLUX tasks billed            %d for %d delivered candidates = %.2f  (goal 1.00)
            catalog finished after       %d s
          """, kills, products, progress.published(), progress.failed(), progress.rejected(),
          lost(), billed, delivered, billedPerDelivered(), makespanSeconds);
    }
  }

  /** Variants per product (one shot). */
  static final int VARIANTS = 4;

  private KillSuite() {}

  public static void main(String[] args) {
    try {
      Bench.quietLogging();
      Options options = parse(args);
      try (Bench bench = Bench.start(8, List.of("-Xmx512m"))) {
        run(bench, options).print();
        runWithProviderFaults(bench, options.products());
      }
    } catch (Exception | Error e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  static Figures run(Bench bench, Options options) throws Exception {
    String catalogId = "faults-" + options.products();
    // Each task takes a few polls, so kills land between submit, polls and download.
    bench.fake.bfl().apiKey(Bench.FLUX_KEY).progress(2, Duration.ofSeconds(2));
    CatalogRequest request = new CatalogRequest(catalogId,
        CatalogBenchmark.storeManifest(bench, catalogId, options.products()),
        CatalogBenchmark.oneShotStyle(),
        CatalogBenchmark.policy(ShootPolicy.Approval.AUTO, ShootPolicy.TimeoutAction.AUTO,
            Providers.FLUX),
        10, 20, null, null);
    CatalogWorkflow workflow = bench.catalog(catalogId);
    System.out.printf("Fault suite: catalog of %d products × %d FLUX variants; %d SIGKILLs of the"
            + " worker, %d–%d s apart (seed %d). %s%n", options.products(), VARIANTS,
        options.kills(), options.minGap().toSeconds(), options.maxGap().toSeconds(), options.seed(),
        Bench.load());
    long t0 = System.nanoTime();
    WorkflowClient.start(workflow::run, request);
    CompletableFuture<CatalogResult> result = WorkflowStub.fromTyped(workflow)
        .getResultAsync(CatalogResult.class);

    Random random = new Random(options.seed());
    List<Long> killedAt = new ArrayList<>();
    for (int k = 0; k < options.kills() && !result.isDone(); k++) {
      long gap = options.minGap().toMillis()
          + (long) (random.nextDouble() * (options.maxGap().toMillis() - options.minGap().toMillis()));
      Bench.uncheckedSleep(Duration.ofMillis(gap));
      if (result.isDone()) {
        break;
      }
      bench.killAndRestartWorker();
      long s = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
      killedAt.add(s);
      CatalogProgress p = workflow.progress();
      System.out.printf("  kill %2d at %3d s: %d published, %d in progress, %d queued;"
              + " FLUX %d billed, %d tasks running%n", k + 1, s, p.published(), p.inProgress(),
          p.queued(), bench.fake.bfl().billed(), bench.fake.bfl().activeTasks());
    }
    CatalogResult done = result.get(options.timeout().toSeconds(), TimeUnit.SECONDS);
    long makespan = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    // Candidates stored (ShootKeys#candidate): what the shoots got for what FLUX billed.
    int delivered = (int) bench.store.list("shoots/").stream().filter(k -> k.contains("/generate/")).count();
    return new Figures(options.products(), killedAt.size(), done.progress(),
        bench.fake.bfl().billed(), delivered, makespan);
  }

  /**
   * Fault suite, part 4 at catalog scale: a second catalog, no kills, FLUX failing as in {@code
   * ProviderSoakIT} (10 % 500, 10 % 503, 10 % 429 with retry-after, 2.5 % dropped connections on
   * submit; 2 % of tasks moderated), OpenAI as the fallback. Prints every product's end state and
   * the faults met.
   */
  static CatalogProgress runWithProviderFaults(Bench bench, int products) throws Exception {
    bench.fake.reset();
    Random draw = new Random(11);
    String[] outcomes = new String[products * VARIANTS * 2];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = draw.nextDouble() < 0.02 ? "Content Moderated" : "Ready";
    }
    bench.fake.bfl().apiKey(Bench.FLUX_KEY).credits(1_000_000).progress(2, Duration.ofSeconds(2))
        .retryAfterOn429(Duration.ofSeconds(1))
        .errorRate("server_error", 0.10).errorRate("overloaded", 0.10)
        .errorRate("rate_limited", 0.10).errorRate("drop", 0.025)
        .outcomes(outcomes);
    bench.fake.openAi().apiKey(Bench.OPENAI_KEY);
    String catalogId = "provider-faults-" + products;
    CatalogRequest request = new CatalogRequest(catalogId,
        CatalogBenchmark.storeManifest(bench, catalogId, products), CatalogBenchmark.oneShotStyle(),
        new ShootPolicy(ShootPolicy.Approval.AUTO, null, null, ShootPolicy.TimeoutAction.AUTO,
            VARIANTS, null, null, List.of(Providers.FLUX, Providers.OPENAI)),
        10, 20, null, null);
    CatalogWorkflow workflow = bench.catalog(catalogId);
    long t0 = System.nanoTime();
    CatalogProgress p = workflow.run(request).progress();
    Map<String, Integer> submits = bench.fake.bfl().submitsBy();
    int faults = submits.entrySet().stream().filter(e -> !e.getKey().equals("ok"))
        .mapToInt(Map.Entry::getValue).sum();
    System.out.printf("""

        Fault suite: provider faults during a catalog (FLUX failing, OpenAI as fallback)
          products                     %d: %d published, %d failed, %d rejected, %d expired
          products lost                %d  (goal 0)
          FLUX submits                 %s: %d faults met
          FLUX tasks billed            %d (outcomes %s); OpenAI images billed %d (fallback)
          catalog finished after       %d s
        """, products, p.published(), p.failed(), p.rejected(), p.expired(),
        products - p.published() - p.failed() - p.rejected() - p.expired() - p.cancelled(),
        submits, faults, bench.fake.bfl().billed(), bench.fake.bfl().billedBy(),
        bench.fake.openAi().billed(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
    return p;
  }

  static Options parse(String[] args) {
    Options o = Options.defaults();
    int products = o.products(), kills = o.kills();
    long seed = o.seed();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--products" -> products = Integer.parseInt(args[i + 1]);
        case "--kills" -> kills = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException(
            "unknown flag " + args[i] + "; bench/faults [--products 50] [--kills 20] [--seed 7]");
      }
    }
    return new Options(products, kills, o.minGap(), o.maxGap(), seed, o.timeout());
  }
}
