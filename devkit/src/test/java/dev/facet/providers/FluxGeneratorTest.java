package dev.facet.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.facet.devkit.providers.FakeCharge;
import dev.facet.devkit.providers.FakeProviderServer;
import dev.facet.model.Candidate;
import dev.facet.model.Charge;
import dev.facet.model.Charge.Billing;
import dev.facet.providers.flux.FluxClient;
import dev.facet.providers.flux.FluxOptions;
import dev.facet.providers.flux.FluxSettings;
import dev.facet.steps.FailureTypes;
import dev.facet.steps.GenerateRequest;
import dev.facet.steps.GenerationActivities;
import dev.facet.steps.GenerationCheckpoint;
import dev.facet.testing.EmbeddedS3Extension;
import dev.facet.testing.FastForwardClock;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The FLUX generator as an activity on a real S3 API: idempotency, resuming a paid task after a
 * crash, what happens when a task's result is lost, and the ledger lines each case leaves. The
 * fake's billed count is the proof: the ledger says what BFL charged.
 */
class FluxGeneratorTest {

  @RegisterExtension static final EmbeddedS3Extension s3 = new EmbeddedS3Extension();

  private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

  private FakeProviderServer fake;
  private FluxClient client;
  private GenerationFixture shoot;
  private final List<TestActivityEnvironment> workers = new CopyOnWriteArrayList<>();
  private final FastForwardClock clock = new FastForwardClock();

  @BeforeEach
  void start() {
    fake = FakeProviderServer.start();
    fake.bfl().clock(clock).progress(2, Duration.ofSeconds(30));
    client =
        new FluxClient(
            FluxSettings.of(fake.bflBaseUrl(), new ApiKey("bfl-fake"))
                .withPolling(Duration.ofMillis(10), Duration.ofSeconds(20), 3));
    shoot = new GenerationFixture(s3.store());
  }

  @AfterEach
  void stop() {
    workers.forEach(TestActivityEnvironment::close);
    client.close();
    fake.close();
  }

  @Test
  void theCollectionsStyleReferenceIsKontextsSecondInputImage() {
    worker(null).stub.generate(shoot.withStyleReference("flux", 1));

    var sent = fake.bfl().lastSubmit();
    assertThat(sent.model()).isEqualTo("flux-kontext-pro");
    assertThat(sent.fields()).contains("input_image", "input_image_2");
    assertThat(sent.prompt()).contains("The last image shows the collection's style");
  }

  @Test
  void editsTheReferencePhotoAndStoresTheCandidate() {
    Worker worker = worker(null);

    Candidate candidate = worker.stub.generate(shoot.request("flux", 1));

    assertThat(candidate.provider()).isEqualTo("flux");
    assertThat(candidate.model()).isEqualTo("flux-kontext-pro"); // the default, for a bare name
    assertThat(candidate.costUsd()).isEqualTo(0.04);
    assertThat(candidate.image().key()).isEqualTo(shoot.keys().candidate(1, "hero", 1, "png"));
    assertThat(candidate.image().width()).isEqualTo(1024);
    assertThat(s3.store().find(candidate.image().key())).contains(candidate.image());
    FakeCharge task = fake.bfl().charges().get(0);
    assertThat(task.clientRequestId()).as("the request's own id, sent with it").isNotBlank();
    assertThat(candidate.charges())
        .containsExactly(
            new Charge(
                "flux",
                "flux-kontext-pro",
                "r1-hero-v1",
                task.id(),
                task.clientRequestId(),
                0.04,
                Billing.BILLED,
                null,
                true));
    assertThat(worker.billedWhenInFlight)
        .as("the submit went on record before BFL had it")
        .containsExactly(0);
    assertThat(fake.bfl().billed()).isEqualTo(1);
  }

  @Test
  void aNameWithAModelSubmitsToThatModelsEndpoint() {
    Candidate candidate = worker(null).stub.generate(shoot.request("flux:flux-pro-1.1", 1));

    assertThat(fake.bfl().lastSubmit().model()).isEqualTo("flux-pro-1.1");
    assertThat(fake.bfl().lastSubmit().fields()).doesNotContain("input_image");
    assertThat(candidate.provider()).isEqualTo("flux:flux-pro-1.1");
    assertThat(candidate.model()).isEqualTo("flux-pro-1.1");
    assertThat(candidate.costUsd()).isEqualTo(0.04);
  }

  @Test
  void aModelFacetDoesNotRunIsRefusedForGoodBeforeAnythingIsPaid() {
    ApplicationFailure failure = failureOf(worker(null), shoot.request("flux:flux-dev", 1));

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_INVALID_REQUEST);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .contains("FLUX has no model 'flux-dev'", "flux-pro-1.1, flux-kontext-pro");
    assertThat(fake.bfl().billed()).isZero();
  }

  @Test
  void aSecondRunReturnsTheStoredCandidateWithoutCallingBfl() {
    GenerateRequest request = shoot.request("flux", 2);
    Candidate first = worker(null).stub.generate(request);
    int polls = fake.bfl().polls();

    Candidate second = worker(null).stub.generate(request);

    assertThat(second.image()).isEqualTo(first.image());
    assertThat(fake.bfl().billed()).isEqualTo(1);
    assertThat(fake.bfl().polls()).isEqualTo(polls);
  }

  @Test
  void aRetryAfterACrashResumesTheSameTaskAndPaysOnce() {
    GenerateRequest request = shoot.request("flux", 3);
    fake.bfl().progress(100_000, Duration.ofMinutes(10)); // never done during the first attempt
    GenerationCheckpoint lastHeartbeat = crashOnceTaskIsOnRecord(request);
    fake.bfl().progress(2, Duration.ofMinutes(10));

    Worker retry = worker(lastHeartbeat);
    Candidate candidate = retry.stub.generate(request);

    assertThat(fake.bfl().billed()).isEqualTo(1);
    assertThat(retry.heartbeats)
        .isNotEmpty()
        .allSatisfy(
            h -> assertThat(h.charges()).containsExactlyElementsOf(lastHeartbeat.charges()));
    assertThat(candidate.costUsd()).isEqualTo(0.04);
    assertThat(candidate.charges())
        .singleElement()
        .satisfies(c -> assertThat(c.requestId()).isEqualTo(lastHeartbeat.last().requestId()))
        .satisfies(c -> assertThat(c.delivered()).isTrue());
    assertThat(s3.store().find(candidate.image().key())).isPresent();
  }

  @Test
  void aCrashBetweenBflTakingTheTaskAndTheTaskReachingTheCheckpointIsMaybeBilled() {
    GenerateRequest request = shoot.request("flux", 11);
    Worker first = worker(null);
    first.diesBefore = h -> h.resumeUrl() != null; // BFL took the task; its id is not on record
    catchThrowableOfType(CanceledFailure.class, () -> first.stub.generate(request));
    GenerationCheckpoint lastHeartbeat = first.heartbeats.get(first.heartbeats.size() - 1);
    assertThat(lastHeartbeat.inFlight()).as("the submit was on its way").isNotNull();

    Candidate candidate = worker(lastHeartbeat).stub.generate(request);

    assertThat(fake.bfl().billed()).as("BFL has no idempotency key: paid twice").isEqualTo(2);
    assertThat(candidate.charges())
        .extracting(Charge::billing, Charge::reason, Charge::delivered)
        .containsExactly(
            tuple(Billing.MAYBE_BILLED, Charge.WORKER_KILLED, false),
            tuple(Billing.BILLED, null, true));
    assertThat(candidate.costUsd()).as("the ledger says what BFL billed").isEqualTo(0.08);
    assertThat(candidate.charges().get(0).clientRequestId())
        .as("the maybe-billed line names the task BFL charged, by the id sent with it")
        .isEqualTo(fake.bfl().charges().get(0).clientRequestId());
  }

  @Test
  void anAnswerDroppedAfterBflTookTheTaskIsMaybeBilledAndOnRecordForTheRetry() {
    fake.bfl().script("drop_after_accept");
    Worker worker = worker(null);

    ApplicationFailure failure = failureOf(worker, shoot.request("flux", 12));

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    GenerationCheckpoint carried = failure.getDetails().get(1, GenerationCheckpoint.class);
    assertThat(carried.charges())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.billing()).isEqualTo(Billing.MAYBE_BILLED);
              assertThat(c.reason()).isEqualTo(Charge.DROPPED_CONNECTION);
              assertThat(c.usd()).isEqualTo(0.04);
            });
    assertThat(worker.heartbeats.get(worker.heartbeats.size() - 1))
        .as("the next attempt starts from it")
        .isEqualTo(carried);
    assertThat(fake.bfl().billed()).isEqualTo(1);
  }

  @Test
  void aResultUrlThatExpiredDuringTheCrashIsPaidForOnceMore() throws Exception {
    GenerateRequest request = shoot.request("flux", 4);
    fake.bfl().progress(100_000, Duration.ofMinutes(10)).delivery(Duration.ofMillis(300), false);
    GenerationCheckpoint lastHeartbeat = crashOnceTaskIsOnRecord(request);
    fake.bfl().progress(2, Duration.ofMillis(1)); // the task finished long ago...
    clock.fastForward(Duration.ofMillis(400)); // ...and its result URL has expired

    Candidate candidate = worker(lastHeartbeat).stub.generate(request);

    assertThat(fake.bfl().billed()).isEqualTo(2);
    assertThat(candidate.costUsd()).isEqualTo(0.08);
    assertThat(candidate.charges())
        .extracting(Charge::reason, Charge::delivered)
        .containsExactly(tuple("result URL expired", false), tuple(null, true));
    assertThat(s3.store().find(candidate.image().key())).isPresent();
  }

  @Test
  void aResultUrlThatExpiredIsRecoveredFreeWhenBflSignsAFreshOne() throws Exception {
    GenerateRequest request = shoot.request("flux", 5);
    fake.bfl().progress(100_000, Duration.ofMinutes(10)).delivery(Duration.ofMillis(300), true);
    GenerationCheckpoint lastHeartbeat = crashOnceTaskIsOnRecord(request);
    fake.bfl().progress(2, Duration.ofMillis(1));
    clock.fastForward(Duration.ofMillis(400));

    Candidate candidate = worker(lastHeartbeat).stub.generate(request);

    assertThat(fake.bfl().billed()).isEqualTo(1);
    assertThat(candidate.costUsd()).isEqualTo(0.04);
  }

  @Test
  void aFailedTaskIsResubmittedOnce() {
    fake.bfl().outcomes("Error");

    Candidate candidate = worker(null).stub.generate(shoot.request("flux", 6));

    assertThat(fake.bfl().billed()).isEqualTo(2);
    assertThat(candidate.costUsd()).isEqualTo(0.08);
    assertThat(candidate.charges().get(0).reason()).isEqualTo("task ended as 'Error'");
  }

  @Test
  void twoFailedTasksEndTheVariantWithoutPayingForAThird() {
    fake.bfl().outcomes("Error", "Error");

    ApplicationFailure failure = failureOf(worker(null), shoot.request("flux", 7));

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("2 paid task(s) gave no image");
    assertThat(fake.bfl().billed()).isEqualTo(2);
    assertThat(failure.getDetails().get(1, GenerationCheckpoint.class).charges())
        .as("both paid tasks reach the ledger with the failure")
        .hasSize(2)
        .allSatisfy(c -> assertThat(c.delivered()).isFalse());
    assertThat(s3.store().find(shoot.keys().candidate(1, "hero", 7, "png"))).isEmpty();
  }

  @Test
  void aModeratedResultIsFinalAndNotResubmitted() {
    fake.bfl().outcomes("Content Moderated");

    ApplicationFailure failure = failureOf(worker(null), shoot.request("flux", 8));

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_MODERATED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(fake.bfl().billed()).isEqualTo(1);
    assertThat(failure.getDetails().get(1, GenerationCheckpoint.class).charges())
        .extracting(Charge::billing, Charge::reason)
        .containsExactly(tuple(Billing.BILLED, "task ended as 'Content Moderated'"));
  }

  @Test
  void aHeartbeatedTaskBflNoLongerKnowsIsReplacedByANewOne() {
    Charge gone =
        Charge.inFlight("flux", "flux-kontext-pro", "r1-hero-v9", "c-9", 0.04).billed("gone", 0.04);
    GenerationCheckpoint vanished =
        new GenerationCheckpoint(
            List.of(gone), null, fake.bflBaseUrl() + "/eu2/v1/get_result?id=gone");

    Worker retry = worker(vanished);
    Candidate candidate = retry.stub.generate(shoot.request("flux", 9));

    assertThat(fake.bfl().billed()).isEqualTo(1);
    assertThat(candidate.charges()).hasSize(2);
    assertThat(candidate.charges().get(0).reason()).isEqualTo("task ended as 'Task not found'");
    assertThat(candidate.costUsd()).isEqualTo(0.08);
  }

  @Test
  void aSubmitRefusedForCreditFailsTheActivityForGood() {
    fake.bfl().credits(1);

    ApplicationFailure failure = failureOf(worker(null), shoot.request("flux", 10));

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_OUT_OF_CREDIT);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getDetails().get(1, GenerationCheckpoint.class).charges())
        .as("a refused submit costs nothing")
        .isEmpty();
  }

  /**
   * Runs a first attempt that submits, puts its task on record and is then torn down while polling,
   * as a crashed worker's attempt would be; returns its last heartbeat.
   */
  private GenerationCheckpoint crashOnceTaskIsOnRecord(GenerateRequest request) {
    Worker first = worker(null);
    first.diesAfter = h -> h.resumeUrl() != null;

    CanceledFailure crash =
        catchThrowableOfType(CanceledFailure.class, () -> first.stub.generate(request));

    assertThat(crash).as("the first attempt was torn down").isNotNull();
    assertThat(fake.bfl().billed()).isEqualTo(1);
    return first.heartbeats.get(first.heartbeats.size() - 1);
  }

  /** A fresh worker, as the retry of a crashed attempt lands on; with the attempt's details. */
  private Worker worker(GenerationCheckpoint heartbeatDetails) {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    workers.add(env);
    Worker worker = new Worker(env);
    env.registerActivitiesImplementations(
        new FluxGenerator(s3.store(), client, FluxOptions.defaults()));
    // A cancel request tears the attempt down at its next heartbeat, as a crash would end it.
    env.setActivityHeartbeatListener(
        GenerationCheckpoint.class,
        details -> {
          if (worker.diesBefore.test(details)) {
            env.requestCancelActivity();
            return;
          }
          worker.heartbeats.add(details);
          if (details.inFlight() != null) {
            worker.billedWhenInFlight.add(fake.bfl().billed());
          }
          if (worker.diesAfter.test(details)) {
            env.requestCancelActivity();
          }
        });
    if (heartbeatDetails != null) {
      env.setHeartbeatDetails(heartbeatDetails);
    }
    return worker;
  }

  private static final class Worker {
    final List<GenerationCheckpoint> heartbeats = new CopyOnWriteArrayList<>();

    /** What BFL had billed when each in-flight record reached the server. */
    final List<Integer> billedWhenInFlight = new CopyOnWriteArrayList<>();

    final GenerationActivities stub;

    /** The worker dies before this heartbeat reaches the server. */
    volatile Predicate<GenerationCheckpoint> diesBefore = h -> false;

    /** The worker dies right after this heartbeat reached the server. */
    volatile Predicate<GenerationCheckpoint> diesAfter = h -> false;

    Worker(TestActivityEnvironment env) {
      this.stub =
          env.newActivityStub(
              GenerationActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofMinutes(1))
                  .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                  .build());
    }
  }

  private static ApplicationFailure failureOf(Worker worker, GenerateRequest request) {
    ActivityFailure failure =
        catchThrowableOfType(ActivityFailure.class, () -> worker.stub.generate(request));
    assertThat(failure).as("the activity failed").isNotNull();
    assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failure.getCause();
  }
}
