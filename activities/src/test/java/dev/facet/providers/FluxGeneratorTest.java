package dev.facet.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.facet.model.Candidate;
import dev.facet.providers.fake.FakeProviderServer;
import dev.facet.providers.flux.FluxCheckpoint;
import dev.facet.providers.flux.FluxClient;
import dev.facet.providers.flux.FluxOptions;
import dev.facet.providers.flux.FluxSettings;
import dev.facet.providers.flux.FluxTask;
import dev.facet.steps.FailureTypes;
import dev.facet.steps.GenerateRequest;
import dev.facet.steps.GenerationActivities;
import dev.facet.testing.EmbeddedS3Extension;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The FLUX generator as an activity on a real S3 API: idempotency, resuming a paid task after a
 * crash, and what happens when a task's result is lost. The fake's billed count is the proof.
 */
class FluxGeneratorTest {

  @RegisterExtension static final EmbeddedS3Extension s3 = new EmbeddedS3Extension();

  /** The SDK sends heartbeats at most every 0.8 x this; short, so a cancel lands quickly. */
  private static final Duration HEARTBEAT_TIMEOUT = Duration.ofMillis(500);

  private FakeProviderServer fake;
  private FluxClient client;
  private GenerationFixture shoot;
  private final List<TestActivityEnvironment> workers = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    fake = FakeProviderServer.start();
    fake.bfl().progress(2, Duration.ofSeconds(30));
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
    assertThat(worker.heartbeats).isNotEmpty();
    assertThat(worker.heartbeats.get(0).submissions()).isEqualTo(1);
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
    FluxCheckpoint lastHeartbeat = crashAfterFirstHeartbeat(request);
    fake.bfl().progress(2, Duration.ofMinutes(10));

    Worker retry = worker(lastHeartbeat);
    Candidate candidate = retry.stub.generate(request);

    assertThat(fake.bfl().billed()).isEqualTo(1);
    assertThat(retry.heartbeats).isNotEmpty().allSatisfy(
        h -> assertThat(h.task().id()).isEqualTo(lastHeartbeat.task().id()));
    assertThat(candidate.costUsd()).isEqualTo(0.04);
    assertThat(s3.store().find(candidate.image().key())).isPresent();
  }

  @Test
  void aResultUrlThatExpiredDuringTheCrashIsPaidForOnceMore() throws Exception {
    GenerateRequest request = shoot.request("flux", 4);
    fake.bfl().progress(100_000, Duration.ofMinutes(10)).delivery(Duration.ofMillis(300), false);
    FluxCheckpoint lastHeartbeat = crashAfterFirstHeartbeat(request);
    fake.bfl().progress(2, Duration.ofMillis(1)); // the task finished long ago...
    Thread.sleep(400); // ...and its result URL has expired

    Candidate candidate = worker(lastHeartbeat).stub.generate(request);

    assertThat(fake.bfl().billed()).isEqualTo(2);
    assertThat(candidate.costUsd()).isEqualTo(0.08);
    assertThat(s3.store().find(candidate.image().key())).isPresent();
  }

  @Test
  void aResultUrlThatExpiredIsRecoveredFreeWhenBflSignsAFreshOne() throws Exception {
    GenerateRequest request = shoot.request("flux", 5);
    fake.bfl().progress(100_000, Duration.ofMinutes(10)).delivery(Duration.ofMillis(300), true);
    FluxCheckpoint lastHeartbeat = crashAfterFirstHeartbeat(request);
    fake.bfl().progress(2, Duration.ofMillis(1));
    Thread.sleep(400);

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
  }

  @Test
  void twoFailedTasksEndTheVariantWithoutPayingForAThird() {
    fake.bfl().outcomes("Error", "Error");

    ApplicationFailure failure = failureOf(worker(null), shoot.request("flux", 7));

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("2 paid task(s) gave no image");
    assertThat(fake.bfl().billed()).isEqualTo(2);
    assertThat(s3.store().find(shoot.keys().candidate(1, "hero", 7, "png"))).isEmpty();
  }

  @Test
  void aModeratedResultIsFinalAndNotResubmitted() {
    fake.bfl().outcomes("Content Moderated");

    ApplicationFailure failure = failureOf(worker(null), shoot.request("flux", 8));

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_MODERATED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(fake.bfl().billed()).isEqualTo(1);
  }

  @Test
  void aHeartbeatedTaskBflNoLongerKnowsIsReplacedByANewOne() {
    FluxCheckpoint vanished =
        FluxCheckpoint.first(
            new FluxTask("gone", fake.bflBaseUrl() + "/eu2/v1/get_result?id=gone", 0.04));

    Worker retry = worker(vanished);
    Candidate candidate = retry.stub.generate(shoot.request("flux", 9));

    assertThat(fake.bfl().billed()).isEqualTo(1);
    assertThat(retry.heartbeats.get(retry.heartbeats.size() - 1).submissions()).isEqualTo(2);
    assertThat(candidate.costUsd()).isEqualTo(0.08);
  }

  @Test
  void aSubmitRefusedForCreditFailsTheActivityForGood() {
    fake.bfl().credits(1);

    ApplicationFailure failure = failureOf(worker(null), shoot.request("flux", 10));

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_OUT_OF_CREDIT);
    assertThat(failure.isNonRetryable()).isTrue();
  }

  /**
   * Runs a first attempt that submits, heartbeats its task and is then torn down while polling, as
   * a crashed worker's attempt would be; returns what it heartbeated.
   */
  private FluxCheckpoint crashAfterFirstHeartbeat(GenerateRequest request) {
    Worker first = worker(null);
    first.crashAfterFirstHeartbeat = true;

    CanceledFailure crash =
        catchThrowableOfType(CanceledFailure.class, () -> first.stub.generate(request));

    assertThat(crash).as("the first attempt was torn down").isNotNull();
    assertThat(fake.bfl().billed()).isEqualTo(1);
    return first.heartbeats.get(first.heartbeats.size() - 1);
  }

  /** A fresh worker, as the retry of a crashed attempt lands on; with the attempt's details. */
  private Worker worker(FluxCheckpoint heartbeatDetails) {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    workers.add(env);
    Worker worker = new Worker(env);
    env.registerActivitiesImplementations(
        new FluxGenerator(s3.store(), client, FluxOptions.defaults()));
    env.setActivityHeartbeatListener(FluxCheckpoint.class, details -> {
      worker.heartbeats.add(details);
      if (worker.crashAfterFirstHeartbeat) {
        env.requestCancelActivity();
      }
    });
    if (heartbeatDetails != null) {
      env.setHeartbeatDetails(heartbeatDetails);
    }
    return worker;
  }

  private static final class Worker {
    final List<FluxCheckpoint> heartbeats = new CopyOnWriteArrayList<>();
    final GenerationActivities stub;
    volatile boolean crashAfterFirstHeartbeat;

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
