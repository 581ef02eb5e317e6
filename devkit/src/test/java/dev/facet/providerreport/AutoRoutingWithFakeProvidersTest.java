package dev.facet.providerreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facet.activities.StepActivities;
import dev.facet.catalogstore.CatalogActivitiesImpl;
import dev.facet.devkit.providers.FakeProviderServer;
import dev.facet.model.ProductSpec;
import dev.facet.model.ReferencePhoto;
import dev.facet.model.ShotSpec;
import dev.facet.model.Stone;
import dev.facet.model.StyleGuide;
import dev.facet.providers.ApiKey;
import dev.facet.providers.FluxGenerator;
import dev.facet.providers.OpenAiGenerator;
import dev.facet.providers.flux.FluxClient;
import dev.facet.providers.flux.FluxOptions;
import dev.facet.providers.flux.FluxSettings;
import dev.facet.providers.openai.OpenAiImageOptions;
import dev.facet.providers.openai.OpenAiImagesClient;
import dev.facet.providers.openai.OpenAiPrices;
import dev.facet.providers.openai.OpenAiSettings;
import dev.facet.routing.ProviderReport;
import dev.facet.routing.ProviderStats;
import dev.facet.routing.Routing;
import dev.facet.routing.RoutingDecision;
import dev.facet.routing.RoutingPolicy;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ProductShootWorkflowImpl;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootPolicy.Approval;
import dev.facet.shoot.ShootPolicy.TimeoutAction;
import dev.facet.shoot.ShootRequest;
import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.steps.TaskQueues;
import dev.facet.testing.EmbeddedS3Extension;
import dev.facet.testing.Fixtures;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole loop on real parts: ring shoots routed {@code auto} between FLUX and GPT Image, both
 * served by the fake provider server, where OpenAI returns every image with a shifted metal tone.
 * Real capture, scoring, post-processing and QA judge the images; the real report activity counts
 * them; after OpenAI's minimum sample the category moves to FLUX and stays there.
 */
class AutoRoutingWithFakeProvidersTest {

  @RegisterExtension static final EmbeddedS3Extension s3 = new EmbeddedS3Extension();

  static final int MIN_SAMPLE = 2;
  static final String RING = "ring/stone-heavy";
  static final ShootPolicy AUTO_OPENAI_OR_FLUX =
      new ShootPolicy(
          Approval.AUTO,
          0.0,
          Duration.ofHours(1),
          TimeoutAction.EXPIRE,
          1,
          1,
          List.of("master"),
          List.of("openai", "flux"),
          null,
          false,
          RoutingPolicy.auto(0.5, MIN_SAMPLE, 0.0));

  private FakeProviderServer fake;
  private FluxClient flux;
  private OpenAiImagesClient openai;
  private TestWorkflowEnvironment env;
  private ProviderReportActivitiesImpl reports;

  @BeforeEach
  void start() {
    fake = FakeProviderServer.start();
    fake.bfl().progress(1, Duration.ofSeconds(30));
    fake.openAi().metalShiftRate(1.0);
    flux =
        new FluxClient(
            FluxSettings.of(fake.bflBaseUrl(), new ApiKey("bfl-fake"))
                .withPolling(Duration.ofMillis(10), Duration.ofSeconds(20), 3));
    openai = new OpenAiImagesClient(OpenAiSettings.of(fake.openAiBaseUrl(), new ApiKey("sk-fake")));
    env = TestWorkflowEnvironment.newInstance();
    ShootSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    // maxAge zero: every shoot routes on the evidence of all shoots before it.
    reports = new ProviderReportActivitiesImpl(s3.store(), Duration.ZERO, Clock.systemUTC());
    Worker shoot = env.newWorker(TaskQueues.SHOOT);
    shoot.registerWorkflowImplementationTypes(ProductShootWorkflowImpl.class);
    shoot.registerActivitiesImplementations(
        StepActivities.create(s3.store()).shootQueue().toArray());
    // As the worker registers them: the catalog's activities share the queue (and must not share
    // names).
    shoot.registerActivitiesImplementations(reports, new CatalogActivitiesImpl(s3.store()));
    env.newWorker(TaskQueues.generation("flux"))
        .registerActivitiesImplementations(
            new FluxGenerator(s3.store(), flux, FluxOptions.defaults()));
    env.newWorker(TaskQueues.generation("openai"))
        .registerActivitiesImplementations(
            new OpenAiGenerator(
                s3.store(), openai, OpenAiImageOptions.defaults(), OpenAiPrices.load()));
    env.start();
    s3.store().list(ProviderReportKeys.FOLDER).forEach(s3.store()::delete);
  }

  @AfterEach
  void stop() {
    env.close();
    flux.close();
    openai.close();
    fake.close();
  }

  @Test
  void autoMovesTheCategoryOffTheProviderWithShiftedMetalAfterTheMinimumSample() {
    s3.store().put("uploads/ring/front.jpg", Fixtures.bytes("P01_studio.jpg"), "image/jpeg");
    List<RoutingDecision> decisions = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      String sku = "RING-" + i;
      RoutingDecision decision = shoot(sku, AUTO_OPENAI_OR_FLUX);
      System.out.printf(
          "%s -> %-6s %-16s %s%n", sku, decision.provider(), decision.rule(), decision.reason());
      decisions.add(decision);
    }

    reports.writeProviderReport();
    ProviderReport report = reports.current();
    System.out.print(ProviderReportFormat.table(report));

    // OpenAI first (first in the pool) until sampled; it fails the floor, so FLUX is sampled,
    // then chosen on its numbers, and the category stays there.
    assertThat(decisions)
        .extracting(RoutingDecision::provider)
        .containsExactly("openai", "openai", "flux", "flux", "flux", "flux");
    assertThat(decisions)
        .extracting(RoutingDecision::rule)
        .startsWith(
            Routing.AUTO_SAMPLING,
            Routing.AUTO_SAMPLING,
            Routing.AUTO_SAMPLING,
            Routing.AUTO_SAMPLING);
    assertThat(decisions.get(2).reason()).contains("below the 50% fidelity floor: openai 0%");
    // The fake's faithful edits are reframed, tinted copies of the photo: they keep the metal and
    // the shape, so FLUX clears the floor and auto takes the cheapest provider that does; OpenAI,
    // with its metal shifted, never does.
    assertThat(decisions.subList(4, 6))
        .extracting(RoutingDecision::rule)
        .containsOnly(Routing.AUTO_CHEAPEST);
    assertThat(decisions.get(5).reason()).contains("flux: $", "fidelity 100% >= floor 50%");
    assertThat(fake.billed()).containsEntry("openai", MIN_SAMPLE).containsEntry("flux", 4);

    ProviderStats shifted = row(report, "openai");
    ProviderStats faithful = row(report, "flux");
    assertThat(shifted.judged()).isEqualTo(MIN_SAMPLE);
    assertThat(shifted.checkPassRate()).containsEntry("metal-tone", 0.0);
    assertThat(shifted.fidelityPassRate()).isZero();
    assertThat(shifted.accepted()).isZero();
    assertThat(faithful.judged()).isEqualTo(4);
    assertThat(faithful.checkPassRate()).containsEntry("metal-tone", 1.0);
    assertThat(faithful.meanFidelityCheckPassRate())
        .isGreaterThan(shifted.meanFidelityCheckPassRate());
    assertThat(s3.store().find(ProviderReportKeys.CSV)).isPresent();
  }

  @Test
  void aBakeoffOfTwoFluxModelsMeasuresEachOnItsOwnRowAndAutoRoutesToTheFaithfulOne() {
    fake.bfl().metalShiftRate("flux-pro-1.1", 1.0);
    s3.store().put("uploads/ring/front.jpg", Fixtures.bytes("P01_studio.jpg"), "image/jpeg");
    List<String> models = List.of("flux:flux-pro-1.1", "flux:flux-kontext-pro");
    ShootPolicy bakeoff =
        new ShootPolicy(
            Approval.AUTO,
            0.0,
            Duration.ofHours(1),
            TimeoutAction.EXPIRE,
            1,
            1,
            List.of("master"),
            models,
            null,
            true,
            null);
    for (int i = 1; i <= MIN_SAMPLE; i++) {
      shoot("RING-" + i, bakeoff);
    }
    reports.writeProviderReport();
    ProviderReport report = reports.current();
    System.out.print(ProviderReportFormat.table(report));

    ProviderStats shifted = row(report, "flux:flux-pro-1.1");
    ProviderStats faithful = row(report, "flux:flux-kontext-pro");
    assertThat(shifted.models()).containsExactly("flux-pro-1.1");
    assertThat(faithful.models()).containsExactly("flux-kontext-pro");
    assertThat(List.of(shifted, faithful))
        .allSatisfy(
            r -> {
              assertThat(r.images()).isEqualTo(MIN_SAMPLE);
              assertThat(r.judged()).isEqualTo(MIN_SAMPLE);
              assertThat(r.costUsd()).isCloseTo(0.04 * MIN_SAMPLE, within(1e-9));
            });
    assertThat(shifted.checkPassRate()).containsEntry("metal-tone", 0.0);
    assertThat(faithful.checkPassRate()).containsEntry("metal-tone", 1.0);

    // Both models sampled: auto routes the category between them on those numbers.
    ShootPolicy routed =
        new ShootPolicy(
            Approval.AUTO,
            0.0,
            Duration.ofHours(1),
            TimeoutAction.EXPIRE,
            1,
            1,
            List.of("master"),
            models,
            null,
            false,
            RoutingPolicy.auto(0.5, MIN_SAMPLE, 0.0));
    List<RoutingDecision> decisions = List.of(shoot("RING-3", routed), shoot("RING-4", routed));
    decisions.forEach(d -> System.out.printf("%s %s: %s%n", d.provider(), d.rule(), d.reason()));
    assertThat(decisions)
        .extracting(RoutingDecision::provider)
        .containsOnly("flux:flux-kontext-pro");
    assertThat(decisions).extracting(RoutingDecision::rule).containsOnly(Routing.AUTO_CHEAPEST);
    assertThat(decisions.get(0).reason())
        .contains("flux:flux-kontext-pro: $", "fidelity 100% >= floor 50%");
    // Every model ran on the one flux queue: 2 bake-off shoots x 2 models, then 2 routed shoots.
    assertThat(fake.billed()).containsEntry("flux", 2 * MIN_SAMPLE + 2);
  }

  private RoutingDecision shoot(String sku, ShootPolicy policy) {
    ProductShootWorkflow shoot =
        env.getWorkflowClient()
            .newWorkflowStub(
                ProductShootWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ProductShootWorkflow.workflowId(sku))
                    .setTaskQueue(TaskQueues.SHOOT)
                    .build());
    shoot.run(request(sku, policy));
    return env.getWorkflowClient()
        .newWorkflowStub(ProductShootWorkflow.class, ProductShootWorkflow.workflowId(sku))
        .state()
        .routing();
  }

  private static ProviderStats row(ProviderReport report, String provider) {
    return report.category(RING).stream()
        .filter(r -> r.provider().equals(provider))
        .findFirst()
        .orElseThrow();
  }

  private static ShootRequest request(String sku, ShootPolicy policy) {
    StyleGuide oneShot =
        new StyleGuide(
            "white-studio",
            "#ffffff",
            5500,
            0.8,
            false,
            List.of(
                new ShotSpec("hero", "three-quarter front view, camera slightly above", "front")),
            7L);
    return new ShootRequest(
        new ProductSpec(
            sku,
            "Solitaire",
            "ring",
            "18k yellow gold",
            List.of(new Stone("diamond", 1, "round brilliant", "colourless")),
            "six-prong solitaire",
            null),
        List.of(new ReferencePhoto("uploads/ring/front.jpg", "front")),
        oneShot,
        policy,
        null);
  }
}
