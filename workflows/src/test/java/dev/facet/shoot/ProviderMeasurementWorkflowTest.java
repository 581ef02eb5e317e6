package dev.facet.shoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.facet.routing.ImageEvidence;
import dev.facet.routing.ProviderStats;
import dev.facet.routing.Routing;
import dev.facet.routing.RoutingPolicy;
import dev.facet.routing.ShootEvidence;
import dev.facet.shoot.ShootPolicy.Approval;
import dev.facet.shoot.ShootPolicy.TimeoutAction;
import dev.facet.steps.FailureTypes;
import dev.facet.steps.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bake-off fan-out, routing decisions and the evidence a shoot hands to the provider report. */
class ProviderMeasurementWorkflowTest {

  static final String SKU = ProductShootWorkflowTest.SKU;
  static final String RING = "ring/stone-heavy"; // the test product: a ring with a diamond

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeSteps steps = new FakeSteps();
  private final FakeProviderReports reports = new FakeProviderReports();
  private final FakeGenerator studio = new FakeGenerator();
  private final FakeGenerator flux = new FakeGenerator();
  private final FakeGenerator openai = new FakeGenerator();

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    ShootSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    Worker shoot = env.newWorker(TaskQueues.SHOOT);
    shoot.registerWorkflowImplementationTypes(ProductShootWorkflowImpl.class);
    shoot.registerActivitiesImplementations(steps, reports);
    studio.costUsd = 0;
    openai.costUsd = 0.17;
    env.newWorker(TaskQueues.generation("studio")).registerActivitiesImplementations(studio);
    env.newWorker(TaskQueues.generation("flux")).registerActivitiesImplementations(flux);
    env.newWorker(TaskQueues.generation("openai")).registerActivitiesImplementations(openai);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void bakeoffMakesEveryShotOnEveryProviderJudgesEachProvidersBestAndCountsTheReviewersVote() {
    flux.permanentFailures.put(
        "profile v4",
        ApplicationFailure.newNonRetryableFailure("prompt refused", FailureTypes.INVALID_INPUT));
    steps.scoreOf = id -> id.endsWith("-v2") || id.endsWith("-v3") ? 0.95 : 0.8;
    ShootPolicy policy =
        new ShootPolicy(
            Approval.MANUAL,
            null,
            null,
            null,
            2,
            1,
            List.of("master"),
            List.of("studio", "flux"),
            null,
            true,
            null);
    ProductShootWorkflow shoot = stub();
    WorkflowClient.start(shoot::run, ProductShootWorkflowTest.request(policy));
    awaitStage(shoot, Stage.AWAITING_SELECTION);

    ShootState state = shoot.state();
    // Variants are numbered on from one provider to the next: v1-v2 studio, v3-v4 flux.
    assertThat(state.candidatesByProvider()).containsOnlyKeys("studio", "flux");
    assertThat(state.candidatesByProvider().get("studio"))
        .containsExactlyInAnyOrder("r1-hero-v1", "r1-hero-v2", "r1-profile-v1", "r1-profile-v2");
    assertThat(state.candidatesByProvider().get("flux"))
        .containsExactlyInAnyOrder("r1-hero-v3", "r1-hero-v4", "r1-profile-v3");
    // A bake-off does not fall back: flux's failed variant is a flux failure, not a studio image.
    assertThat(studio.calls).doesNotContainKeys("r1-profile-v3", "r1-profile-v4");
    assertThat(state.fallbacks())
        .filteredOn(f -> f.subject().equals("profile v4"))
        .singleElement()
        .satisfies(f -> assertThat(f.to()).isNull());
    // Each provider's best candidate per shot was finished apart from the shot's outputs and
    // judged.
    assertThat(state.candidateQa())
        .containsOnlyKeys("r1-hero-v2", "r1-hero-v3", "r1-profile-v2", "r1-profile-v3");
    assertThat(steps.postProcessed)
        .extracting(p -> p.keys().prefix())
        .allSatisfy(prefix -> assertThat(prefix).contains("/bakeoff/r1-"));

    shoot.decide(Decision.select(Map.of("hero", "r1-hero-v3", "profile", "r1-profile-v2"), "ana"));
    awaitStage(shoot, Stage.AWAITING_APPROVAL);
    shoot.decide(Decision.approve("ben"));
    assertThat(WorkflowStub.fromTyped(shoot).getResult(ShootResult.class).outcome())
        .isEqualTo(Stage.PUBLISHED);

    ShootEvidence evidence = reports.evidence.get(0);
    assertThat(reports.evidence).hasSize(1);
    assertThat(evidence.category()).isEqualTo(RING);
    assertThat(evidence.bakeoff()).isTrue();
    assertThat(evidence.outcome()).isEqualTo("PUBLISHED");
    assertThat(evidence.images()).hasSize(7);
    assertThat(evidence.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.provider()).isEqualTo("flux");
              assertThat(f.failureType()).isEqualTo(FailureTypes.INVALID_INPUT);
            });
    ImageEvidence vote = image(evidence, "r1-hero-v3");
    assertThat(vote.provider()).isEqualTo("flux");
    assertThat(vote.selectedBy()).isEqualTo(ImageEvidence.HUMAN);
    assertThat(vote.contested()).isTrue();
    assertThat(vote.verdict()).isEqualTo(ImageEvidence.ACCEPTED);
    assertThat(vote.checks()).containsEntry("metal-tone", true);
    assertThat(image(evidence, "r1-hero-v2").selectedBy()).isNull();
    assertThat(image(evidence, "r1-hero-v2").judged()).isTrue();
    assertThat(image(evidence, "r1-hero-v1").judged()).isFalse();
    assertThat(evidence.images())
        .filteredOn(i -> i.provider().equals("flux"))
        .allSatisfy(i -> assertThat(i.costUsd()).isEqualTo(0.04));
  }

  @Test
  void aBakeoffComparesTwoModelsOfOneProviderOnTheProvidersOwnQueue() {
    ShootPolicy policy =
        new ShootPolicy(
            Approval.AUTO,
            0.0,
            null,
            TimeoutAction.AUTO,
            1,
            1,
            List.of("master"),
            List.of("flux:flux-pro-1.1", "flux:flux-kontext-pro"),
            null,
            true,
            null);
    ProductShootWorkflow shoot = stub();
    WorkflowClient.start(shoot::run, ProductShootWorkflowTest.request(policy));
    WorkflowStub.fromTyped(shoot).getResult(ShootResult.class);

    // Both models ran on the flux queue, where the account's task limit holds for both.
    assertThat(flux.calls)
        .containsOnlyKeys("r1-hero-v1", "r1-hero-v2", "r1-profile-v1", "r1-profile-v2");
    assertThat(finished().state().candidatesByProvider())
        .containsOnlyKeys("flux:flux-pro-1.1", "flux:flux-kontext-pro");
    ShootEvidence evidence = reports.evidence.get(0);
    assertThat(evidence.images())
        .extracting(ImageEvidence::candidateId, ImageEvidence::provider, ImageEvidence::model)
        .containsExactlyInAnyOrder(
            tuple("r1-hero-v1", "flux:flux-pro-1.1", "flux-pro-1.1"),
            tuple("r1-profile-v1", "flux:flux-pro-1.1", "flux-pro-1.1"),
            tuple("r1-hero-v2", "flux:flux-kontext-pro", "flux-kontext-pro"),
            tuple("r1-profile-v2", "flux:flux-kontext-pro", "flux-kontext-pro"));
    // Each model's image is judged, so the report can set them side by side.
    assertThat(finished().state().candidateQa())
        .containsOnlyKeys("r1-hero-v1", "r1-hero-v2", "r1-profile-v1", "r1-profile-v2");
  }

  @Test
  void autoRoutingFollowsTheReportAndRecordsTheRuleAndItsNumbers() throws Exception {
    reports.rows =
        List.of(
            row("flux", 12, 0.25, 0.16), // cheap, but the metal comes out wrong
            row("openai", 12, 0.92, 0.21));
    ShootPolicy policy = autoPolicy(0.8, 10, 0.0);

    ShootResult result = stub().run(ProductShootWorkflowTest.request(policy));

    assertThat(result.outcome()).isEqualTo(Stage.PUBLISHED);
    assertThat(reports.categoriesAsked).containsExactly(RING);
    assertThat(flux.calls).isEmpty();
    assertThat(openai.calls).hasSize(2);
    ShootState state = finished().state();
    assertThat(state.routing().rule()).isEqualTo(Routing.AUTO_CHEAPEST);
    assertThat(state.routing().chain()).containsExactly("openai", "flux");
    assertThat(state.routing().reason())
        .isEqualTo(
            "openai: $0.2100 per accepted image, fidelity 92% >= floor 80% over 12 judged images");
    assertThat(state.routing().evidence())
        .extracting(ProviderStats::provider, ProviderStats::fidelityPassRate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("flux", 0.25),
            org.assertj.core.groups.Tuple.tuple("openai", 0.92));
    ShootEvidence evidence = reports.evidence.get(0);
    assertThat(evidence.routing()).isEqualTo(state.routing());
    assertThat(evidence.images())
        .allSatisfy(
            i -> {
              assertThat(i.provider()).isEqualTo("openai");
              assertThat(i.costUsd()).isEqualTo(0.17);
            });
    assertThat(evidence.images())
        .filteredOn(i -> i.selectedBy() != null)
        .allSatisfy(
            i -> {
              assertThat(i.selectedBy()).isEqualTo(ImageEvidence.POLICY);
              assertThat(i.contested()).isFalse();
              assertThat(i.verdict()).isEqualTo(ImageEvidence.ACCEPTED);
              assertThat(i.qaPassed()).isTrue();
            });

    // The exploration draw is part of history: the shoot replays to the same decision.
    WorkflowReplayer.replayWorkflowExecution(
        client.fetchHistory(ProductShootWorkflow.workflowId(SKU)), ProductShootWorkflowImpl.class);
  }

  @Test
  void autoSamplesAProviderShortOfTheMinimumAndTheFallbackChainStaysBehindIt() {
    reports.rows = List.of(row("flux", 3, 1.0, 0.05));
    ShootPolicy policy = autoPolicy(0.8, 10, 0.0);
    flux.permanentFailures.put(
        "hero v1",
        ApplicationFailure.newNonRetryableFailure(
            "out of credit", FailureTypes.PROVIDER_OUT_OF_CREDIT));

    ShootResult result = stub().run(ProductShootWorkflowTest.request(policy));

    assertThat(result.outcome()).isEqualTo(Stage.PUBLISHED);
    ShootState state = finished().state();
    assertThat(state.routing().rule()).isEqualTo(Routing.AUTO_SAMPLING);
    assertThat(state.routing().reason()).startsWith("flux has 3 of the 10 judged images");
    // flux was retired mid-shoot; openai, next in the chain, made what flux could not.
    assertThat(openai.calls).isNotEmpty();
    assertThat(reports.evidence.get(0).failures()).extracting(f -> f.provider()).contains("flux");
  }

  @Test
  void aConfiguredCategoryOrderNeedsNoNumbers() {
    ShootPolicy policy =
        new ShootPolicy(
            Approval.AUTO,
            null,
            null,
            TimeoutAction.AUTO,
            1,
            null,
            List.of("master"),
            List.of("flux", "openai"),
            null,
            false,
            new RoutingPolicy(Map.of("ring/stone-heavy", "openai", "*", "auto"), null, null, null));

    stub().run(ProductShootWorkflowTest.request(policy));

    ShootState state = finished().state();
    assertThat(state.routing().rule()).isEqualTo(Routing.CATEGORY_ORDER);
    assertThat(state.routing().provider()).isEqualTo("openai");
    assertThat(flux.calls).isEmpty();
  }

  @Test
  void aPlainShootNeitherRoutesNorRecordsEvidence() {
    stub().run(ProductShootWorkflowTest.request(ShootPolicy.auto()));

    assertThat(reports.categoriesAsked).isEmpty();
    assertThat(reports.evidence).isEmpty();
    assertThat(finished().state().routing()).isNull();
  }

  static ShootPolicy autoPolicy(double floor, int minSample, double explore) {
    return new ShootPolicy(
        Approval.AUTO,
        null,
        null,
        TimeoutAction.AUTO,
        1,
        null,
        List.of("master"),
        List.of("flux", "openai"),
        null,
        false,
        RoutingPolicy.auto(floor, minSample, explore));
  }

  static ProviderStats row(String provider, int judged, double fidelity, double costPerAccepted) {
    return new ProviderStats(
        provider,
        List.of(),
        RING,
        judged,
        0,
        judged,
        judged,
        Map.of("metal-tone", fidelity),
        fidelity,
        0,
        null,
        1 - fidelity,
        0,
        1000,
        3000,
        judged * costPerAccepted,
        costPerAccepted);
  }

  private static ImageEvidence image(ShootEvidence evidence, String id) {
    return evidence.images().stream()
        .filter(i -> i.candidateId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private ProductShootWorkflow stub() {
    return client.newWorkflowStub(
        ProductShootWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(ProductShootWorkflow.workflowId(SKU))
            .setTaskQueue(TaskQueues.SHOOT)
            .build());
  }

  private ProductShootWorkflow finished() {
    return client.newWorkflowStub(ProductShootWorkflow.class, ProductShootWorkflow.workflowId(SKU));
  }

  private void awaitStage(ProductShootWorkflow shoot, Stage stage) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (shoot.state().stage() != stage) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(
            "shoot never reached " + stage + "; it is " + shoot.state().stage());
      }
      env.sleep(Duration.ofMillis(50));
    }
  }
}
