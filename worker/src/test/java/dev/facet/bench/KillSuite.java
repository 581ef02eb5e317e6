package dev.facet.bench;

import static org.awaitility.Awaitility.await;

import dev.facet.catalog.CatalogProgress;
import dev.facet.catalog.CatalogRequest;
import dev.facet.catalog.CatalogResult;
import dev.facet.catalog.CatalogWorkflow;
import dev.facet.devkit.providers.FakeCharge;
import dev.facet.devkit.providers.IncompleteRequest;
import dev.facet.model.Charge;
import dev.facet.model.ProductSpec;
import dev.facet.model.ProviderSpend;
import dev.facet.routing.RoutingPolicy;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootState;
import dev.facet.shoot.Stage;
import dev.facet.steps.Providers;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Fault suite, part 1: the worker JVM SIGKILLed at random moments while a catalog runs, and a fresh
 * one started each time, as a supervisor would. The catalog mixes its chains by routing: rings go
 * FLUX first then OpenAI, pendants OpenAI first then FLUX, 4 variants each, through the real
 * generators against the fake providers (FLUX: submit, poll, download; OpenAI: an edit that takes
 * {@link #OPENAI_LATENCY}, as a real one takes seconds to minutes); the imaging steps are {@link
 * StandInSteps}.
 *
 * <p>Per provider it prints products published and lost; charges billed by the fake, on the shoots'
 * ledgers, and delivered; the ledger joined to the bill line by line ({@link LedgerJoin}), so a
 * line the provider never charged is shown to be a request a kill cut short before its last byte,
 * each one listed; the extra charges and why (in flight at a kill, or otherwise); and for every
 * generation in flight at a kill, the time until Temporal started its retry. Then the {@code
 * WorkflowTaskTimedOut} events of the catalog and its shoots.
 *
 * <p>{@code bench/faults} runs it, then {@link #runWithProviderFaults} (README, "Operating Facet");
 * {@link KillSuiteIT} runs the kills at a smaller size in CI and asserts the goals.
 */
public final class KillSuite {

  /**
   * @param products catalog size
   * @param kills SIGKILLs, each after a random pause of {@code minGap}–{@code maxGap}
   */
  record Options(
      int products, int kills, Duration minGap, Duration maxGap, long seed, Duration timeout) {

    static Options defaults() {
      return new Options(
          50, 20, Duration.ofSeconds(2), Duration.ofSeconds(8), 7, Duration.ofMinutes(60));
    }
  }

  /** Variants per product (one shot). */
  static final int VARIANTS = 4;

  /** How long the fake OpenAI works on an image. */
  static final Duration OPENAI_LATENCY = Duration.ofSeconds(3);

  /**
   * A charge whose answer was lost counts as in flight at a kill when a kill came after its request
   * arrived and before its answer went out, or within this after it: the moment a worker needs to
   * put a received answer on record.
   */
  static final Duration RECORD_GRACE = Duration.ofSeconds(1);

  /** Rings FLUX first, pendants (necklaces) OpenAI first; each falls back to the other. */
  static final RoutingPolicy MIXED =
      new RoutingPolicy(Map.of("ring", "flux,openai", "necklace", "openai,flux"), null, null, null);

  /**
   * An incomplete request counts as cut short by a kill when its connection closed within this
   * after a kill that came after it arrived: the dead worker's sockets close at once.
   */
  static final Duration CUT_BY_KILL = Duration.ofSeconds(2);

  /**
   * What the suite measured of one provider.
   *
   * @param join the ledger's lines joined to the provider's charges and incomplete requests
   * @param cutAtKill of {@code join}'s incomplete requests, those a kill cut short
   * @param cutShortLines one line per incomplete request on the ledger: which, and when cut
   * @param lastByteWaits per charge, how long its request's last byte came after the rest (ms): the
   *     in-flight record's round trip
   */
  record ProviderFigures(
      String provider,
      int products,
      int published,
      int lost,
      int billed,
      List<Charge> ledger,
      LedgerJoin join,
      long cutAtKill,
      List<String> cutShortLines,
      int delivered,
      int inFlightAtKill,
      List<FakeCharge> unexplained,
      List<Long> retryMillis,
      List<Long> lastByteWaits) {

    int extra() {
      return billed - delivered;
    }

    /**
     * Ledger lines beyond what the provider charged: maybe-billed requests killed in the moment
     * between going on record and their last byte going out, which the provider never got whole.
     */
    int excess() {
      return ledger.size() - billed;
    }

    /**
     * The ledger is the bill, line by line: every line joins a charge the provider made, or a
     * request a kill cut short before its last byte (there is no asking either provider about
     * those); every charge is on a line; so ledger - billed is exactly the requests cut short.
     */
    boolean ledgerIsTheBill() {
      return join.everyLineTraced() && cutAtKill == join.cutShort().size() && excess() == cutAtKill;
    }

    int maybeBilled() {
      return (int) ledger.stream().filter(c -> c.billing() == Charge.Billing.MAYBE_BILLED).count();
    }

    /** "52 (worker killed)", or "11 (worker killed 9, answer lost 2)". */
    String maybeBilledWhy() {
      Map<String, Long> why =
          ledger.stream()
              .filter(c -> c.billing() == Charge.Billing.MAYBE_BILLED)
              .collect(
                  Collectors.groupingBy(
                      Charge::reason, java.util.TreeMap::new, Collectors.counting()));
      return maybeBilled()
          + (why.isEmpty()
              ? ""
              : why.size() == 1
                  ? " (" + why.keySet().iterator().next() + ")"
                  : why.entrySet().stream()
                      .map(e -> e.getKey() + " " + e.getValue())
                      .collect(Collectors.joining(", ", " (", ")")));
    }

    double ledgerUsd() {
      return ledger.stream().mapToDouble(Charge::usd).sum();
    }

    long retryPercentile(double p) {
      return percentile(retryMillis, p);
    }

    static long percentile(List<Long> values, double p) {
      if (values.isEmpty()) {
        return 0;
      }
      List<Long> sorted = values.stream().sorted().toList();
      return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }
  }

  /** What the suite measured. */
  record Figures(
      int products,
      int kills,
      CatalogProgress progress,
      List<ProviderFigures> providers,
      int unresolvedRetries,
      WorkflowTaskTimeouts catalogTasks,
      WorkflowTaskTimeouts shootTasks,
      long makespanSeconds) {

    int lost() {
      return products
          - progress.published()
          - progress.rejected()
          - progress.expired()
          - progress.failed()
          - progress.cancelled();
    }

    /** Every goal of issue 18, each in one line of {@link #print}. */
    boolean goalsMet() {
      return lost() == 0
          && providers.stream()
              .allMatch(
                  p ->
                      p.ledgerIsTheBill()
                          && p.unexplained().isEmpty()
                          && p.retryPercentile(0.95) <= 60_000)
          && unresolvedRetries == 0
          && catalogTasks.unexplained() + shootTasks.unexplained() == 0;
    }

    void print() {
      StringBuilder out =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  """

          Fault suite: worker SIGKILLed %d times during a catalog of %d products × %d variants, \
          rings FLUX→OpenAI, pendants OpenAI→FLUX
          """,
                  kills,
                  products,
                  VARIANTS));
      row(out, "", p -> p.provider(), "");
      row(out, "products (first provider)", p -> Integer.toString(p.products()), "");
      row(out, "published / lost", p -> p.published() + " / " + p.lost(), "goal: 0 lost");
      row(out, "charges billed by the provider", p -> Integer.toString(p.billed()), "");
      row(
          out,
          "charges on the ledger",
          p -> String.format(Locale.ROOT, "%d ($%.3f)", p.ledger().size(), p.ledgerUsd()),
          "");
      row(out, "  of which maybe billed", ProviderFigures::maybeBilledWhy, "");
      row(out, "  billed, under a charge's id", p -> Integer.toString(p.join().billed()), "");
      row(
          out,
          "  maybe billed, provider charged it",
          p -> Integer.toString(p.join().maybeBilledCharged()),
          "");
      row(
          out,
          "  maybe billed, provider got an incomplete request",
          p -> p.join().cutShort().size() + " (" + p.cutAtKill() + " at a kill)",
          "goal: all at a kill");
      row(
          out,
          "  no trace at the provider",
          p -> Integer.toString(p.join().untraced().size()),
          "goal: 0");
      row(
          out,
          "charges not on the ledger",
          p -> Integer.toString(p.join().offLedger().size()),
          "goal: 0");
      row(
          out,
          "ledger - billed",
          p -> Integer.toString(p.excess()),
          "goal: = incomplete requests at a kill");
      row(
          out,
          "last byte held for the record, p50 / p95 / max",
          p ->
              String.format(
                  Locale.ROOT,
                  "%d / %d / %d ms",
                  ProviderFigures.percentile(p.lastByteWaits(), 0.5),
                  ProviderFigures.percentile(p.lastByteWaits(), 0.95),
                  ProviderFigures.percentile(p.lastByteWaits(), 1.0)),
          "");
      row(
          out,
          "on the catalog's ledger",
          p ->
              progress.spend().stream()
                  .filter(s -> s.provider().equals(p.provider()))
                  .findFirst()
                  .map(s -> String.format(Locale.ROOT, "%d ($%.3f)", s.charges(), s.totalUsd()))
                  .orElse("0"),
          "");
      row(out, "candidates delivered", p -> Integer.toString(p.delivered()), "");
      row(out, "extra charges (billed - delivered)", p -> Integer.toString(p.extra()), "");
      row(out, "  in flight at a kill", p -> Integer.toString(p.inFlightAtKill()), "");
      row(out, "  otherwise", p -> Integer.toString(p.unexplained().size()), "goal: 0");
      row(out, "generations in flight at kills", p -> Integer.toString(p.retryMillis().size()), "");
      row(
          out,
          "kill -> retry p50 / p95 / max",
          p ->
              String.format(
                  Locale.ROOT,
                  "%.0f / %.0f / %.0f s",
                  p.retryPercentile(0.5) / 1000.0,
                  p.retryPercentile(0.95) / 1000.0,
                  p.retryPercentile(1.0) / 1000.0),
          "goal: p95 <= 60 s");
      line(out, "retries not seen", unresolvedRetries + "  (goal 0)");
      line(out, "workflow task timeouts", "catalog " + catalogTasks + ";");
      line(out, "", "shoots " + shootTasks + "  (goal 0)");
      line(
          out,
          "products",
          String.format(
              Locale.ROOT,
              "%d: %d published, %d failed, %d rejected," + " %d lost",
              products,
              progress.published(),
              progress.failed(),
              progress.rejected(),
              lost()));
      line(out, "catalog finished after", makespanSeconds + " s");
      line(out, "goals", goalsMet() ? "all met" : "NOT MET");
      providers.forEach(
          p -> p.cutShortLines().forEach(line -> out.append("  ").append(line).append('\n')));
      providers.forEach(
          p ->
              p.join()
                  .untraced()
                  .forEach(
                      c ->
                          out.append("  untraced ")
                              .append(p.provider())
                              .append(" line: ")
                              .append(c)
                              .append('\n')));
      providers.forEach(
          p ->
              p.join()
                  .offLedger()
                  .forEach(
                      c ->
                          out.append("  off-ledger ")
                              .append(p.provider())
                              .append(" charge: ")
                              .append(c)
                              .append('\n')));
      providers.forEach(
          p ->
              p.unexplained()
                  .forEach(
                      c ->
                          out.append("  unexplained ")
                              .append(p.provider())
                              .append(" charge: ")
                              .append(c)
                              .append('\n')));
      System.out.print(out);
    }

    private void row(
        StringBuilder out, String label, Function<ProviderFigures, String> cell, String goal) {
      out.append(String.format(Locale.ROOT, "  %-" + LABEL + "s", label));
      providers.forEach(p -> out.append(String.format(Locale.ROOT, "%-24s", cell.apply(p))));
      out.append(goal.isEmpty() ? "" : "(" + goal + ")").append('\n');
    }

    private static void line(StringBuilder out, String label, String text) {
      out.append(String.format(Locale.ROOT, "  %-" + LABEL + "s%s%n", label, text));
    }

    private static final int LABEL = 52;
  }

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
    // Each FLUX task takes a few polls and each OpenAI image seconds, so kills land mid-request.
    bench.fake.bfl().apiKey(Bench.FLUX_KEY).progress(2, Duration.ofSeconds(2));
    bench.fake.openAi().apiKey(Bench.OPENAI_KEY).latency(OPENAI_LATENCY);
    CatalogRequest request =
        new CatalogRequest(
            catalogId,
            CatalogBenchmark.storeManifest(
                bench, catalogId, options.products(), KillSuite::product),
            CatalogBenchmark.oneShotStyle(),
            new ShootPolicy(
                ShootPolicy.Approval.AUTO,
                null,
                null,
                ShootPolicy.TimeoutAction.AUTO,
                VARIANTS,
                null,
                null,
                List.of(Providers.FLUX, Providers.OPENAI),
                null,
                null,
                MIXED),
            10,
            20,
            null,
            null);
    CatalogWorkflow workflow = bench.catalog(catalogId);
    System.out.printf(
        "Fault suite: catalog of %d products × %d variants, rings FLUX→OpenAI,"
            + " pendants OpenAI→FLUX; %d SIGKILLs of the worker, %d–%d s apart (seed %d). %s%n",
        options.products(),
        VARIANTS,
        options.kills(),
        options.minGap().toSeconds(),
        options.maxGap().toSeconds(),
        options.seed(),
        Bench.load());
    long t0 = System.nanoTime();
    WorkflowClient.start(workflow::run, request);
    CompletableFuture<CatalogResult> result =
        WorkflowStub.fromTyped(workflow).getResultAsync(CatalogResult.class);

    Random random = new Random(options.seed());
    List<Long> kills = new ArrayList<>();
    CatalogResult done;
    try (RetryClock retries = new RetryClock(bench, catalogId)) {
      for (int k = 0; k < options.kills() && !result.isDone(); k++) {
        long gap =
            options.minGap().toMillis()
                + (long)
                    (random.nextDouble()
                        * (options.maxGap().toMillis() - options.minGap().toMillis()));
        Bench.uncheckedSleep(Duration.ofMillis(gap));
        if (result.isDone()) {
          break;
        }
        long pid = bench.worker().pid();
        long killedAt = System.currentTimeMillis();
        bench.killAndRestartWorker();
        kills.add(killedAt);
        retries.killed(pid, killedAt);
        CatalogProgress p = progressOnceServed(workflow);
        System.out.printf(
            "  kill %2d at %3d s: %d published, %d in progress, %d queued;"
                + " billed: FLUX %d, OpenAI %d; retries awaited %d%n",
            k + 1,
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0),
            p.published(),
            p.inProgress(),
            p.queued(),
            bench.fake.bfl().billed(),
            bench.fake.openAi().billed(),
            retries.unresolved());
      }
      done = result.get(options.timeout().toSeconds(), TimeUnit.SECONDS);
      retries.awaitRetries(Duration.ofMinutes(2));
      long makespan = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
      List<ShootState> shoots = states(bench, options.products());
      return new Figures(
          options.products(),
          kills.size(),
          done.progress(),
          List.of(
              figures(
                  Providers.FLUX,
                  bench.fake.bfl().charges(),
                  bench.fake.bfl().incompleteRequests(),
                  bench.fake.bfl().hungUpBeforeCharging(),
                  shoots,
                  kills,
                  retries),
              figures(
                  Providers.OPENAI,
                  bench.fake.openAi().charges(),
                  bench.fake.openAi().incompleteRequests(),
                  bench.fake.openAi().hungUpBeforeCharging(),
                  shoots,
                  kills,
                  retries)),
          retries.unresolved(),
          WorkflowTaskTimeouts.count(
              bench.client,
              "WorkflowId = '" + CatalogWorkflow.workflowId(catalogId) + "'",
              bench.killedPids()),
          WorkflowTaskTimeouts.count(
              bench.client,
              "WorkflowType = 'ProductShoot' AND FacetCatalog = '" + catalogId + "'",
              bench.killedPids()),
          makespan);
    }
  }

  /** Odd products are rings (FLUX first), even ones pendants (OpenAI first). */
  private static ProductSpec product(int i) {
    String sku = CatalogBenchmark.sku("CAT", i);
    return i % 2 == 1
        ? new ProductSpec(sku, "Ring " + i, "ring", "18k gold", null, null, null)
        : new ProductSpec(sku, "Pendant " + i, "pendant", "18k gold", null, null, null);
  }

  /** Every product's shoot state, as the product's API shows it. */
  private static List<ShootState> states(Bench bench, int products) {
    List<ShootState> states = new ArrayList<>();
    for (int i = 1; i <= products; i++) {
      states.add(
          bench
              .client
              .newWorkflowStub(
                  ProductShootWorkflow.class,
                  ProductShootWorkflow.workflowId(CatalogBenchmark.sku("CAT", i)))
              .state());
    }
    return states;
  }

  /**
   * One provider's figures. The fake's charges and the ledger's lines are joined by the provider's
   * request or task id, or the id the request was sent with ({@link LedgerJoin}): a charge the
   * ledger lists as delivered made a candidate; any other is extra, and in flight at a kill when a
   * kill came between its request and its answer (plus {@link #RECORD_GRACE}).
   */
  private static ProviderFigures figures(
      String provider,
      List<FakeCharge> billed,
      List<IncompleteRequest> incomplete,
      List<String> hungUp,
      List<ShootState> shoots,
      List<Long> kills,
      RetryClock retries) {
    List<ShootState> first =
        shoots.stream()
            .filter(s -> s.routing() != null && s.routing().provider().equals(provider))
            .toList();
    int published = (int) first.stream().filter(s -> s.stage() == Stage.PUBLISHED).count();
    int lost = (int) first.stream().filter(s -> !s.stage().finished()).count();
    List<Charge> ledger =
        shoots.stream()
            .flatMap(s -> s.charges().stream())
            .filter(c -> c.provider().equals(provider))
            .toList();
    Set<String> deliveredIds =
        ledger.stream()
            .filter(Charge::delivered)
            .map(Charge::requestId)
            .collect(Collectors.toSet());
    LedgerJoin join = LedgerJoin.of(ledger, billed, incomplete, hungUp);
    int delivered =
        (int)
            shoots.stream()
                .flatMap(s -> s.candidates().stream())
                .filter(v -> Providers.providerOf(v.candidate().provider()).equals(provider))
                .count();
    int inFlight = 0;
    List<FakeCharge> unexplained = new ArrayList<>();
    for (FakeCharge charge : billed) {
      if (deliveredIds.contains(charge.id())) {
        continue;
      }
      long answered =
          charge.answeredAt() == 0 ? Long.MAX_VALUE : charge.answeredAt() + RECORD_GRACE.toMillis();
      if (kills.stream().anyMatch(k -> k >= charge.requestedAt() && k <= answered)) {
        inFlight += charge.units();
      } else {
        unexplained.add(charge);
      }
    }
    int units = billed.stream().mapToInt(FakeCharge::units).sum();
    return new ProviderFigures(
        provider,
        first.size(),
        published,
        lost,
        units,
        ledger,
        join,
        join.cutAtKill(kills, CUT_BY_KILL.toMillis()),
        cutShortLines(provider, join, shoots, kills),
        delivered,
        inFlight,
        unexplained,
        retries.byProvider().getOrDefault(provider, List.of()),
        billed.stream().map(FakeCharge::lastByteWaitMs).toList());
  }

  /**
   * "flux r1-hero-v3 of CAT-0013: 1199 of 1200 bytes, sent 2140 ms and closed 9 ms after kill 7,
   * last bytes 35 ms before": each ledger line whose request the provider got incomplete.
   */
  private static List<String> cutShortLines(
      String provider, LedgerJoin join, List<ShootState> shoots, List<Long> kills) {
    List<String> lines = new ArrayList<>();
    for (LedgerJoin.CutShort cut : join.cutShort()) {
      String sku =
          shoots.stream()
              .filter(s -> s.charges().contains(cut.line()))
              .map(ShootState::sku)
              .findFirst()
              .orElse("?");
      IncompleteRequest request = cut.request();
      int kill = -1;
      for (int k = 0; k < kills.size(); k++) {
        if (kills.get(k) >= request.arrivedAt() && kills.get(k) <= request.brokenAt()) {
          kill = k;
        }
      }
      lines.add(
          kill < 0
              ? String.format(
                  Locale.ROOT,
                  "%s %s of %s: incomplete (%d of %d bytes), closed at no kill",
                  provider,
                  cut.line().candidateId(),
                  sku,
                  request.receivedBytes(),
                  request.declaredBytes())
              : String.format(
                  Locale.ROOT,
                  "%s %s of %s: incomplete (%d of %d bytes); its bytes came"
                      + " %d ms before kill %d, its connection closed %d ms after it",
                  provider,
                  cut.line().candidateId(),
                  sku,
                  request.receivedBytes(),
                  request.declaredBytes(),
                  kills.get(kill) - request.lastReadAt(),
                  kill + 1,
                  request.brokenAt() - kills.get(kill)));
    }
    return lines;
  }

  /**
   * Fault suite, part 4 at catalog scale: a second catalog, no kills, FLUX failing as in {@code
   * ProviderSoakIT} (10 % 500, 10 % 503, 10 % 429 with retry-after, 2.5 % dropped connections on
   * submit; 2 % of tasks moderated), OpenAI as the fallback. Prints every product's end state, the
   * faults met, and the ledger against what the providers billed.
   */
  static CatalogProgress runWithProviderFaults(Bench bench, int products) throws Exception {
    bench.fake.reset();
    Random draw = new Random(11);
    String[] outcomes = new String[products * VARIANTS * 2];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = draw.nextDouble() < 0.02 ? "Content Moderated" : "Ready";
    }
    bench
        .fake
        .bfl()
        .apiKey(Bench.FLUX_KEY)
        .credits(1_000_000)
        .progress(2, Duration.ofSeconds(2))
        .retryAfterOn429(Duration.ofSeconds(1))
        .errorRate("server_error", 0.10)
        .errorRate("overloaded", 0.10)
        .errorRate("rate_limited", 0.10)
        .errorRate("drop", 0.025)
        .outcomes(outcomes);
    bench.fake.openAi().apiKey(Bench.OPENAI_KEY).latency(Duration.ZERO);
    String catalogId = "provider-faults-" + products;
    CatalogRequest request =
        new CatalogRequest(
            catalogId,
            CatalogBenchmark.storeManifest(bench, catalogId, products),
            CatalogBenchmark.oneShotStyle(),
            new ShootPolicy(
                ShootPolicy.Approval.AUTO,
                null,
                null,
                ShootPolicy.TimeoutAction.AUTO,
                VARIANTS,
                null,
                null,
                List.of(Providers.FLUX, Providers.OPENAI)),
            10,
            20,
            null,
            null);
    CatalogWorkflow workflow = bench.catalog(catalogId);
    long t0 = System.nanoTime();
    CatalogProgress p = workflow.run(request).progress();
    Map<String, Integer> submits = bench.fake.bfl().submitsBy();
    int faults =
        submits.entrySet().stream()
            .filter(e -> !e.getKey().equals("ok"))
            .mapToInt(Map.Entry::getValue)
            .sum();
    Map<String, ProviderSpend> spend =
        p.spend().stream().collect(Collectors.toMap(ProviderSpend::provider, s -> s));
    ProviderSpend none = new ProviderSpend("", 0, 0, 0, 0);
    // A dropped connection leaves a maybe-billed line whichever side it fell: joined line by line.
    LedgerJoin flux =
        LedgerJoin.of(
            states(bench, products).stream()
                .flatMap(s -> s.charges().stream())
                .filter(c -> c.provider().equals(Providers.FLUX))
                .toList(),
            bench.fake.bfl().charges(),
            bench.fake.bfl().incompleteRequests(),
            bench.fake.bfl().hungUpBeforeCharging());
    System.out.printf(
        """

        Fault suite: provider faults during a catalog (FLUX failing, OpenAI as fallback)
          products                     %d: %d published, %d failed, %d rejected, %d expired
          products lost                %d  (goal 0)
          FLUX submits                 %s: %d faults met
          FLUX tasks billed            %d (outcomes %s); on the ledger %d, %d of them maybe billed
            ledger line by line        %d billed under a task's id, %d maybe billed and charged,
                                       %d maybe billed and hung up on before BFL took the task,
                                       %d cut short; untraced %d, charges off the ledger %d  (goal 0, 0)
          OpenAI images billed         %d (fallback); on the ledger %d
          catalog finished after       %d s
        """,
        products,
        p.published(),
        p.failed(),
        p.rejected(),
        p.expired(),
        products - p.published() - p.failed() - p.rejected() - p.expired() - p.cancelled(),
        submits,
        faults,
        bench.fake.bfl().billed(),
        bench.fake.bfl().billedBy(),
        spend.getOrDefault(Providers.FLUX, none).charges(),
        spend.getOrDefault(Providers.FLUX, none).maybeBilled(),
        flux.billed(),
        flux.maybeBilledCharged(),
        flux.hungUp(),
        flux.cutShort().size(),
        flux.untraced().size(),
        flux.offLedger().size(),
        bench.fake.openAi().billed(),
        spend.getOrDefault(Providers.OPENAI, none).charges(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
    flux.untraced().forEach(c -> System.out.println("  untraced flux line: " + c));
    flux.offLedger().forEach(c -> System.out.println("  off-ledger flux charge: " + c));
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
        default ->
            throw new IllegalArgumentException(
                "unknown flag "
                    + args[i]
                    + "; bench/faults [--products 50] [--kills 20] [--seed 7]");
      }
    }
    return new Options(products, kills, o.minGap(), o.maxGap(), seed, o.timeout());
  }

  /**
   * The catalog's progress, asked again until a worker answers: a query needs a worker, and the one
   * just restarted may not be polling yet ("no poller seen for task queue recently").
   */
  private static CatalogProgress progressOnceServed(CatalogWorkflow workflow) {
    return await()
        .atMost(Duration.ofMinutes(1))
        .ignoreException(WorkflowServiceException.class)
        .until(workflow::progress, Objects::nonNull);
  }
}
