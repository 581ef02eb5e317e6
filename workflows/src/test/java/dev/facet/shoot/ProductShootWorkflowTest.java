package dev.facet.shoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.facet.model.Charge;
import dev.facet.model.Charge.Billing;
import dev.facet.model.ProductSpec;
import dev.facet.model.ReferencePhoto;
import dev.facet.model.Stone;
import dev.facet.model.StyleGuide;
import dev.facet.shoot.ShootPolicy.Approval;
import dev.facet.shoot.ShootPolicy.TimeoutAction;
import dev.facet.steps.FailureTypes;
import dev.facet.steps.GenerationCheckpoint;
import dev.facet.steps.TaskQueues;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductShootWorkflowTest {

  static final String SKU = "RING-001";

  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private final FakeSteps steps = new FakeSteps();
  private final FakeGenerator generator = new FakeGenerator();
  private final FakeGenerator flux = new FakeGenerator();

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    ShootSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    Worker shoot = env.newWorker(TaskQueues.SHOOT);
    shoot.registerWorkflowImplementationTypes(ProductShootWorkflowImpl.class);
    shoot.registerActivitiesImplementations(steps);
    env.newWorker(TaskQueues.generation("studio")).registerActivitiesImplementations(generator);
    env.newWorker(TaskQueues.generation("flux")).registerActivitiesImplementations(flux);
    env.start();
    client = env.getWorkflowClient();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void autoPolicyRunsEveryStepAndPublishesShotsTimesChannels() {
    ShootResult result = start(ShootPolicy.auto()).run(request(ShootPolicy.auto()));

    assertThat(result.outcome()).isEqualTo(Stage.PUBLISHED);
    assertThat(result.finals()).hasSize(2 * 2); // hero + profile, amazon-main + master
    assertThat(result.manifest().key())
        .startsWith("shoots/shoot-" + SKU + "/")
        .endsWith("/publish/manifest.json");
    assertThat(generator.calls).hasSize(2 * 4);
    assertThat(steps.published)
        .singleElement()
        .satisfies(p -> assertThat(p.approvedBy()).isEqualTo("auto"));
    assertThat(result.costUsd()).isEqualTo(8 * 0.04, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void manualPolicyWaitsForSelectionThenApprovalThroughUpdates() {
    ShootPolicy manual = ShootPolicy.defaults();
    ProductShootWorkflow shoot = start(manual);
    WorkflowClient.start(shoot::run, request(manual));
    awaitStage(shoot, Stage.AWAITING_SELECTION);

    ShootState waiting = shoot.state();
    assertThat(waiting.awaitingHuman()).isTrue();
    assertThat(waiting.candidates())
        .hasSize(8)
        .allSatisfy(v -> assertThat(v.rank()).isBetween(1, 4));

    DecisionReceipt selected =
        shoot.decide(
            Decision.select(Map.of("hero", "r1-hero-v3", "profile", "r1-profile-v1"), "ana"));
    assertThat(selected.action()).isEqualTo(Decision.Action.SELECT);
    awaitStage(shoot, Stage.AWAITING_APPROVAL);
    assertThat(steps.postProcessed)
        .extracting(p -> p.candidate().id())
        .containsOnly("r1-hero-v3", "r1-profile-v1");

    shoot.decide(Decision.approve("ben"));
    ShootResult result = WorkflowStub.fromTyped(shoot).getResult(ShootResult.class);

    assertThat(result.outcome()).isEqualTo(Stage.PUBLISHED);
    assertThat(steps.published)
        .singleElement()
        .satisfies(p -> assertThat(p.approvedBy()).isEqualTo("ben"));
    assertThat(shoot.state().audit())
        .extracting(AuditEntry::reviewer, AuditEntry::action, AuditEntry::via, AuditEntry::accepted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ana", Decision.Action.SELECT, "update", true),
            org.assertj.core.groups.Tuple.tuple("ben", Decision.Action.APPROVE, "update", true));
  }

  @Test
  void twoReviewersDecidingAtOnceGetExactlyOneDecisionTakenAndTheOtherToldWhy() throws Exception {
    ShootPolicy manual = ShootPolicy.defaults();
    ProductShootWorkflow shoot = start(manual);
    WorkflowClient.start(shoot::run, request(manual));
    awaitStage(shoot, Stage.AWAITING_SELECTION);
    ProductShootWorkflow other =
        client.newWorkflowStub(ProductShootWorkflow.class, ProductShootWorkflow.workflowId(SKU));

    var ana =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                outcome(
                    () ->
                        shoot.decide(
                            Decision.select(
                                Map.of("hero", "r1-hero-v1", "profile", "r1-profile-v1"), "ana"))));
    var ben =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                outcome(
                    () ->
                        other.decide(
                            Decision.select(
                                Map.of("hero", "r1-hero-v2", "profile", "r1-profile-v2"), "ben"))));

    List<String> outcomes = List.of(ana.get(), ben.get());
    assertThat(outcomes).filteredOn("accepted"::equals).hasSize(1);
    // Refused by the validator (already decided) or, when it lands after the shoot moved on, by
    // stage.
    assertThat(outcomes)
        .filteredOn(o -> !o.equals("accepted"))
        .singleElement()
        .asString()
        .containsAnyOf("a decision was already taken for this step", "not waiting for a selection");
    awaitStage(shoot, Stage.AWAITING_APPROVAL);
    String taken = outcomes.get(0).equals("accepted") ? "-v1" : "-v2";
    assertThat(steps.postProcessed)
        .extracting(p -> p.candidate().id())
        .isNotEmpty()
        .allSatisfy(id -> assertThat(id).endsWith(taken));
  }

  private static String outcome(Runnable decision) {
    try {
      decision.run();
      return "accepted";
    } catch (io.temporal.client.WorkflowException e) {
      return rootMessage(e);
    }
  }

  @Test
  void rejectionWithNotesRegeneratesOnlyTheNamedShotsWithTheFeedback() {
    ShootPolicy manual =
        new ShootPolicy(Approval.MANUAL, null, null, null, 2, 3, List.of("master"), null);
    ProductShootWorkflow shoot = start(manual);
    WorkflowClient.start(shoot::run, request(manual));
    awaitStage(shoot, Stage.AWAITING_SELECTION);
    shoot.decide(Decision.select(Map.of("hero", "r1-hero-v1", "profile", "r1-profile-v2"), "ana"));
    awaitStage(shoot, Stage.AWAITING_APPROVAL);

    shoot.decide(Decision.reject("the band looks too pink", List.of("hero"), "ana"));
    awaitStage(shoot, Stage.AWAITING_SELECTION);

    ShootState second = shoot.state();
    assertThat(second.round()).isEqualTo(2);
    assertThat(steps.promptRequests)
        .last()
        .satisfies(
            p -> {
              assertThat(p.feedback()).isEqualTo("the band looks too pink");
              assertThat(p.shots()).extracting(s -> s.name()).containsExactly("hero");
            });
    assertThat(generator.calls.keySet())
        .contains("r2-hero-v1", "r2-hero-v2")
        .noneMatch(id -> id.startsWith("r2-profile"));

    assertThatThrownBy(() -> shoot.decide(Decision.select(Map.of("hero", "r1-hero-v2"), "ana")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("'r1-hero-v2' is not a candidate of shot 'hero' in round 2");
    shoot.decide(Decision.select(Map.of("hero", "r2-hero-v2"), "ana"));
    awaitStage(shoot, Stage.AWAITING_APPROVAL);
    shoot.decide(Decision.approve("ana"));

    ShootResult result = WorkflowStub.fromTyped(shoot).getResult(ShootResult.class);
    assertThat(result.rounds()).isEqualTo(2);
    assertThat(result.finals())
        .extracting(c -> c.candidateId())
        .containsExactlyInAnyOrder("r2-hero-v2", "r1-profile-v2");
  }

  @Test
  void autoPolicyRetriesFailedQaWithTheChecksAsFeedbackThenHandsOverToAHuman() {
    steps.qaPasses = (round, shot) -> !shot.equals("hero");
    ShootPolicy auto =
        new ShootPolicy(
            Approval.AUTO,
            null,
            Duration.ofHours(1),
            TimeoutAction.EXPIRE,
            1,
            2,
            List.of("master"),
            List.of("flux"));
    ProductShootWorkflow shoot = start(auto);
    WorkflowClient.start(shoot::run, request(auto));
    awaitStage(shoot, Stage.AWAITING_APPROVAL);

    assertThat(shoot.state().round()).isEqualTo(2);
    assertThat(steps.promptRequests.get(1).feedback()).contains("metal-tone 7.5 must be <= 3.0");
    env.sleep(Duration.ofHours(2));

    ShootResult result = WorkflowStub.fromTyped(shoot).getResult(ShootResult.class);
    assertThat(result.outcome()).isEqualTo(Stage.EXPIRED);
    assertThat(steps.published).isEmpty();
  }

  @Test
  void aDeterministicGeneratorIsNotRunAgainOnTheSameInputsAHumanDecidesWithTheReason() {
    steps.qaPasses = (round, shot) -> !shot.equals("hero");
    ShootPolicy auto =
        new ShootPolicy(
            Approval.AUTO,
            null,
            Duration.ofHours(1),
            TimeoutAction.EXPIRE,
            1,
            3,
            List.of("master"),
            List.of("studio"));
    ProductShootWorkflow shoot = start(auto);
    WorkflowClient.start(shoot::run, request(auto));
    awaitStage(shoot, Stage.AWAITING_APPROVAL);

    ShootState state = shoot.state();
    assertThat(state.round()).as("no second round of the same pictures").isEqualTo(1);
    assertThat(generator.calls).hasSize(2 * 1);
    assertThat(state.audit())
        .last()
        .satisfies(
            entry ->
                assertThat(entry.outcome())
                    .contains(
                        "automated QA failed",
                        "metal-tone",
                        "not sent back for another round",
                        "the studio generator would make the same images of shot 'hero' again"));
  }

  @Test
  void aShotTheStudioRendererFailedMovesToTheNextProviderInTheChain() {
    steps.qaPasses = (round, shot) -> round > 1 || !shot.equals("hero");
    ShootPolicy auto =
        new ShootPolicy(
            Approval.AUTO,
            null,
            Duration.ofHours(1),
            TimeoutAction.EXPIRE,
            1,
            3,
            List.of("master"),
            List.of("studio", "flux"));

    ShootResult result = start(auto).run(request(auto));

    assertThat(result.outcome()).isEqualTo(Stage.PUBLISHED);
    assertThat(result.rounds()).isEqualTo(2);
    ShootState state = finishedState();
    assertThat(state.candidates())
        .filteredOn(v -> v.candidate().round() == 2)
        .isNotEmpty()
        .allSatisfy(
            v -> {
              assertThat(v.candidate().shot()).isEqualTo("hero");
              assertThat(v.candidate().provider()).isEqualTo("flux");
            });
  }

  @Test
  void generationThatFailsTwiceIsRetriedAndEveryAttemptIsRecorded() {
    generator.transientFailures.put("hero v2", 2);

    ShootResult result = start(ShootPolicy.auto()).run(request(ShootPolicy.auto()));

    assertThat(result.outcome()).isEqualTo(Stage.PUBLISHED);
    assertThat(generator.calls.get("r1-hero-v2")).hasValue(3);
    ProductShootWorkflow finished =
        client.newWorkflowStub(ProductShootWorkflow.class, ProductShootWorkflow.workflowId(SKU));
    assertThat(finished.state().attempts())
        .filteredOn(a -> a.subject().equals("hero v2 (studio)"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.attempts()).isEqualTo(3);
              assertThat(a.ok()).isTrue();
            });
  }

  @Test
  void aVariantThatFailsForGoodIsLeftOutAndRecorded() {
    generator.permanentFailures.put(
        "hero v1",
        ApplicationFailure.newNonRetryableFailure("prompt refused", FailureTypes.INVALID_INPUT));

    ShootResult result = start(ShootPolicy.auto()).run(request(ShootPolicy.auto()));

    assertThat(result.outcome()).isEqualTo(Stage.PUBLISHED);
    assertThat(generator.calls.get("r1-hero-v1")).hasValue(1);
    ShootState state =
        client
            .newWorkflowStub(ProductShootWorkflow.class, ProductShootWorkflow.workflowId(SKU))
            .state();
    assertThat(state.candidates()).extracting(v -> v.candidate().id()).doesNotContain("r1-hero-v1");
    assertThat(state.attempts())
        .filteredOn(a -> !a.ok())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.failureType()).isEqualTo(FailureTypes.INVALID_INPUT);
              assertThat(a.message()).contains("prompt refused");
            });
  }

  @Test
  void nonRetryableCaptureFailureFailsTheShootAndSurfacesInState() {
    steps.captureFailure =
        ApplicationFailure.newNonRetryableFailure(
            "photo 1 (front) is too blurry: sharpness 12 is under 60", FailureTypes.INVALID_INPUT);
    ProductShootWorkflow shoot = start(ShootPolicy.auto());

    assertThatThrownBy(() -> shoot.run(request(ShootPolicy.auto())))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("too blurry");

    ShootState state =
        client
            .newWorkflowStub(ProductShootWorkflow.class, ProductShootWorkflow.workflowId(SKU))
            .state();
    assertThat(state.stage()).isEqualTo(Stage.FAILED);
    assertThat(state.failure()).contains("Capture failed").contains("too blurry");
    assertThat(generator.calls).isEmpty();
  }

  @Test
  void approvalTimeoutExpiresOrDecidesByPolicy() {
    ShootPolicy expire =
        new ShootPolicy(
            Approval.MANUAL,
            null,
            Duration.ofHours(24),
            TimeoutAction.EXPIRE,
            1,
            null,
            List.of("master"),
            null);
    ProductShootWorkflow shoot = start(expire);
    WorkflowClient.start(shoot::run, request(expire));
    awaitStage(shoot, Stage.AWAITING_SELECTION);
    env.sleep(Duration.ofHours(25));
    assertThat(WorkflowStub.fromTyped(shoot).getResult(ShootResult.class).outcome())
        .isEqualTo(Stage.EXPIRED);

    ShootPolicy decideAnyway =
        new ShootPolicy(
            Approval.MANUAL,
            null,
            Duration.ofHours(24),
            TimeoutAction.AUTO,
            1,
            null,
            List.of("master"),
            null);
    ShootResult result =
        client
            .newWorkflowStub(ProductShootWorkflow.class, options("shoot-RING-002"))
            .run(request("RING-002", decideAnyway));
    assertThat(result.outcome()).isEqualTo(Stage.PUBLISHED);
    assertThat(steps.published)
        .singleElement()
        .satisfies(p -> assertThat(p.approvedBy()).isEqualTo("auto"));
  }

  @Test
  void decisionsThatDoNotFitAreRejectedWithAReason() {
    ShootPolicy manual =
        new ShootPolicy(Approval.MANUAL, null, null, null, 2, null, List.of("master"), null);
    ProductShootWorkflow shoot = start(manual);
    WorkflowClient.start(shoot::run, request(manual));
    awaitStage(shoot, Stage.AWAITING_SELECTION);

    assertUpdateRejected(shoot, Decision.approve("ana"), "not waiting for approval");
    assertUpdateRejected(
        shoot,
        Decision.select(Map.of("hero", "r1-hero-v1"), "ana"),
        "select one candidate for shot 'profile'");
    assertUpdateRejected(
        shoot,
        Decision.select(Map.of("hero", "r1-hero-v9", "profile", "r1-profile-v1"), "ana"),
        "'r1-hero-v9' is not a candidate");
    assertUpdateRejected(
        shoot,
        new Decision(
            Decision.Action.SELECT,
            Map.of("hero", "r1-hero-v1", "profile", "r1-profile-v1"),
            null,
            null,
            "ana",
            2),
        "for round 2 but the shoot is in round 1");
    assertUpdateRejected(
        shoot, new Decision(null, null, null, null, "ana", null), "needs an action");

    // A signal cannot be answered, so its refusal lands in the audit trail.
    shoot.decision(Decision.reject("no", List.of("bogus"), "eve"));
    shoot.decide(Decision.select(Map.of("hero", "r1-hero-v1", "profile", "r1-profile-v1"), "ana"));
    awaitStage(shoot, Stage.AWAITING_APPROVAL);
    assertUpdateRejected(
        shoot, Decision.reject("x", List.of("bogus"), "ana"), "unknown shots [bogus]");
    shoot.decision(Decision.approve("ana"));
    WorkflowStub.fromTyped(shoot).getResult(ShootResult.class);

    // A closed workflow runs no handlers: the server refuses the update, and the HTTP API turns
    // that into "already finished".
    assertThatThrownBy(() -> shoot.decide(Decision.approve("late")))
        .isInstanceOf(io.temporal.client.WorkflowException.class);
    assertThat(shoot.state().audit())
        .extracting(AuditEntry::reviewer, AuditEntry::accepted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("eve", false),
            org.assertj.core.groups.Tuple.tuple("ana", true),
            org.assertj.core.groups.Tuple.tuple("ana", true));
  }

  @Test
  void invalidRequestFailsWithEveryProblemNamed() {
    ShootRequest bad =
        new ShootRequest(
            new ProductSpec("bad sku!", "x", "", "", null, null, null),
            List.of(),
            null,
            null,
            null);
    ProductShootWorkflow shoot =
        client.newWorkflowStub(ProductShootWorkflow.class, options("shoot-bad"));

    assertThatThrownBy(() -> shoot.run(bad))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("product.sku must be")
        .hasMessageContaining("product.type is required")
        .hasMessageContaining("photos must list at least one");
  }

  @Test
  void aProviderOutOfCreditMovesEveryShotToTheNextProviderAndAlertsTheOperator() {
    flux.failure =
        r ->
            ApplicationFailure.newNonRetryableFailure(
                "402 Payment Required: insufficient credits", FailureTypes.PROVIDER_OUT_OF_CREDIT);
    ShootPolicy policy = chain("flux", "studio");

    ShootResult result = start(policy).run(request(policy));

    assertThat(result.outcome()).isEqualTo(Stage.PUBLISHED);
    ShootState state = finishedState();
    assertThat(state.candidates())
        .hasSize(8)
        .allSatisfy(v -> assertThat(v.candidate().provider()).isEqualTo("studio"));
    assertThat(state.alerts())
        .singleElement()
        .asString()
        .contains("provider flux is unusable")
        .contains("insufficient credits");
    assertThat(state.fallbacks())
        .hasSize(8)
        .allSatisfy(
            f -> {
              assertThat(f.from()).isEqualTo("flux");
              assertThat(f.to()).isEqualTo("studio");
            });
    // Retired after its first refusals: the calls in flight at once, never one per retry.
    assertThat(flux.calls.values().stream().mapToInt(AtomicInteger::get).sum())
        .isLessThanOrEqualTo(8);
  }

  @Test
  void aModeratedPromptIsRetriedOnceSoftenedOnTheSameProvider() {
    flux.failure =
        r ->
            r.variant() == 1 && !r.prompt().prompt().startsWith("Product-only")
                ? ApplicationFailure.newNonRetryableFailure(
                    "moderation_blocked", FailureTypes.PROVIDER_MODERATED)
                : null;
    ShootPolicy policy = chain("flux", "studio");

    start(policy).run(request(policy));

    ShootState state = finishedState();
    assertThat(state.candidates())
        .allSatisfy(v -> assertThat(v.candidate().provider()).isEqualTo("flux"));
    assertThat(flux.prompts.get("r1-hero-v1")).startsWith("Product-only still life");
    assertThat(state.fallbacks())
        .hasSize(2)
        .allSatisfy(f -> assertThat(f.reason()).contains("softened prompt"));
  }

  @Test
  void aSpentBudgetStopsPaidGenerationsAndFallsBackToTheFreeRenderer() {
    flux.costUsd = 0.05;
    generator.costUsd = 0; // the studio renderer is free
    ShootPolicy policy =
        new ShootPolicy(
            Approval.AUTO,
            null,
            null,
            TimeoutAction.AUTO,
            4,
            null,
            List.of("master"),
            List.of("flux", "studio"),
            0.12);

    ShootResult result = start(policy).run(request(policy));

    ShootState state = finishedState();
    assertThat(result.costUsd()).isLessThanOrEqualTo(0.12);
    assertThat(state.candidates())
        .filteredOn(v -> v.candidate().provider().equals("flux"))
        .hasSize(2);
    assertThat(state.candidates())
        .filteredOn(v -> v.candidate().provider().equals("studio"))
        .hasSize(6);
    assertThat(state.alerts()).singleElement().asString().contains("budget of $0.12 reached");
  }

  @Test
  void everyChargeReachesTheLedgerDeliveredFailedOrDiedInFlight() {
    Charge sent = Charge.inFlight("flux", "flux-kontext-pro", "r1-hero-v1", "c-1", 0.04);
    flux.charges =
        r ->
            List.of(
                sent.maybeBilled(null, Charge.DROPPED_CONNECTION),
                sent.billed("task-2", 0.04).delivering());
    flux.permanentFailures.put(
        "profile v1",
        ApplicationFailure.newBuilder()
            .setType(FailureTypes.PROVIDER_UNAVAILABLE)
            .setMessage("2 paid task(s) gave no image")
            .setNonRetryable(true)
            .setDetails(
                1,
                new GenerationCheckpoint(
                    List.of(
                        sent.billed("task-a", 0.04).lost("task ended as 'Error'"),
                        sent.billed("task-b", 0.04).lost("task ended as 'Error'")),
                    null,
                    null))
            .build());
    flux.diesInFlight.put("profile v2", sent);
    generator.costUsd = 0; // the studio fallback is free
    ShootPolicy policy = chain("flux", "studio");

    ShootResult result = start(policy).run(request(policy));

    ShootState state = finishedState();
    // Six delivered variants × 2 lines, two paid-and-lost tasks, one request lost with its worker.
    assertThat(state.charges()).hasSize(6 * 2 + 2 + 1);
    assertThat(state.charges())
        .filteredOn(c -> Charge.WORKER_KILLED.equals(c.reason()))
        .singleElement()
        .satisfies(c -> assertThat(c.billing()).isEqualTo(Billing.MAYBE_BILLED));
    assertThat(state.spend())
        .singleElement()
        .satisfies(
            flux -> {
              assertThat(flux.provider()).isEqualTo("flux");
              assertThat(flux.charges()).isEqualTo(15);
              assertThat(flux.maybeBilled()).isEqualTo(6 + 1);
              assertThat(flux.deliveredUsd()).isCloseTo(6 * 0.04, offset(1e-9));
              assertThat(flux.lostUsd()).isCloseTo(9 * 0.04, offset(1e-9));
            });
    assertThat(state.costUsd()).isCloseTo(15 * 0.04, offset(1e-9));
    assertThat(result.costUsd()).isEqualTo(state.costUsd());
    assertThat(result.spend()).isEqualTo(state.spend());
    assertThat(state.candidates())
        .filteredOn(v -> v.candidate().provider().equals("studio"))
        .extracting(v -> v.candidate().id())
        .containsExactlyInAnyOrder("r1-profile-v1", "r1-profile-v2");
  }

  @Test
  void aShootWhoseCatalogIsGoneStillPublishes() {
    ShootRequest orphan =
        new ShootRequest(
            request(ShootPolicy.auto()).product(),
            request(ShootPolicy.auto()).photos(),
            null,
            ShootPolicy.auto(),
            "no-such-catalog");

    ShootResult result = start(ShootPolicy.auto()).run(orphan);

    assertThat(result.outcome()).isEqualTo(Stage.PUBLISHED);
  }

  private static ShootPolicy chain(String... providers) {
    return new ShootPolicy(
        Approval.AUTO, null, null, TimeoutAction.AUTO, null, null, null, List.of(providers));
  }

  private ShootState finishedState() {
    return client
        .newWorkflowStub(ProductShootWorkflow.class, ProductShootWorkflow.workflowId(SKU))
        .state();
  }

  // ---- helpers ---------------------------------------------------------------------------

  private ProductShootWorkflow start(ShootPolicy policy) {
    return client.newWorkflowStub(
        ProductShootWorkflow.class, options(ProductShootWorkflow.workflowId(SKU)));
  }

  private static WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId)
        .setTaskQueue(TaskQueues.SHOOT)
        .build();
  }

  static ShootRequest request(ShootPolicy policy) {
    return request(SKU, policy);
  }

  static ShootRequest request(String sku, ShootPolicy policy) {
    return new ShootRequest(
        new ProductSpec(
            sku,
            "Solitaire",
            "ring",
            "18k yellow gold",
            List.of(new Stone("diamond", 1, "round brilliant", "colourless")),
            "six-prong solitaire",
            null),
        List.of(
            new ReferencePhoto("uploads/a/0", "front"), new ReferencePhoto("uploads/a/1", "side")),
        StyleGuide.whiteStudio(),
        policy,
        null);
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

  private static void assertUpdateRejected(
      ProductShootWorkflow shoot, Decision decision, String why) {
    assertThatThrownBy(() -> shoot.decide(decision))
        .isInstanceOf(io.temporal.client.WorkflowException.class)
        .satisfies(e -> assertThat(rootMessage(e)).contains(why));
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage();
  }
}
