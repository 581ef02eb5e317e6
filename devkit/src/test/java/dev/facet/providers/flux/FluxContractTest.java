package dev.facet.providers.flux;

import static dev.facet.providers.Fixtures.providerFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.devkit.providers.FakeProviderServer;
import dev.facet.providers.ApiKey;
import dev.facet.providers.Fixtures;
import dev.facet.providers.GeneratedImage;
import dev.facet.providers.ProviderErrors;
import dev.facet.providers.ProviderException;
import dev.facet.providers.ProviderFailure;
import dev.facet.steps.FailureTypes;
import dev.facet.testing.FastForwardClock;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The BFL client and poller against the fake, one test per Part D scenario: what comes back, or
 * which failure type and retry decision Temporal gets.
 */
class FluxContractTest {

  private static final String PROMPT = "studio photo of a gold ring on white";

  private FakeProviderServer fake;
  private FluxClient client;
  private FluxPoller poller;
  private final ProviderErrors errors = ProviderErrors.systemClock();
  private final FluxOptions pro =
      FluxOptions.defaults().withModel(FluxModel.PRO_1_1).withSize(256, 256);
  private final FluxOptions kontext = FluxOptions.defaults();

  private final FastForwardClock clock = new FastForwardClock();

  @BeforeEach
  void start() {
    fake = FakeProviderServer.start();
    fake.bfl().clock(clock).progress(2, Duration.ofSeconds(30));
    client = client("bfl-fake", Duration.ofSeconds(5), 3);
    poller = new FluxPoller(client);
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void aSubmittedTaskIsPaidPolledAtItsOwnUrlAndDelivered() {
    FluxTask task = client.submit(new FluxJob(PROMPT, null, 7, pro));

    assertThat(task.pollingUrl()).contains("/eu2/v1/get_result?id=" + task.id());
    assertThat(task.costUsd()).isEqualTo(0.04);
    assertThat(fake.bfl().billed()).isEqualTo(1);
    assertThat(client.credits()).isEqualTo(996.0);

    AtomicInteger heartbeats = new AtomicInteger();
    FluxPoll ready = poller.await(task, heartbeats::incrementAndGet);
    GeneratedImage image = client.download(ready.sampleUrl()).orElseThrow();

    assertThat(ready.kind()).isEqualTo(FluxStatus.READY);
    assertThat(heartbeats.get()).isEqualTo(3); // Pending, Pending, Ready
    assertThat(image.mediaType()).isEqualTo("image/png");
    assertThat(image.width()).isEqualTo(256);
    assertThat(image.height()).isEqualTo(256);
  }

  @Test
  void theGlobalPollEndpointDoesNotKnowAClustersTask() {
    FluxTask task = client.submit(new FluxJob(PROMPT, null, 7, pro));
    FluxTask rebuilt =
        new FluxTask(task.id(), fake.bflBaseUrl() + "/v1/get_result?id=" + task.id(), 0.04);

    assertThat(client.poll(rebuilt).kind()).isEqualTo(FluxStatus.TASK_NOT_FOUND);
    assertThat(client.poll(task).kind()).isEqualTo(FluxStatus.RUNNING);
  }

  @Test
  void kontextEditsTheReferencePhoto() {
    String photo = Base64.getEncoder().encodeToString(Fixtures.referenceFront());

    FluxTask task = client.submit(new FluxJob(PROMPT, photo, 7, kontext));
    GeneratedImage image = client.download(poller.await(task, () -> {}).sampleUrl()).orElseThrow();

    assertThat(image.width()).isEqualTo(1024);
    assertThat(image.height()).isEqualTo(1024);
  }

  @Test
  void unknownInProgressStatusesMeanStillRunning() {
    fake.bfl().progress(4, Duration.ofSeconds(30)).unknownStatus("Generating");
    FluxTask task = client.submit(new FluxJob(PROMPT, null, 7, pro));

    FluxPoll poll = poller.await(task, () -> {});

    assertThat(poll.kind()).isEqualTo(FluxStatus.READY);
    assertThat(fake.bfl().polls()).isEqualTo(5);
  }

  @Test
  void validationErrorsAreInvalidRequestsNamingTheField() {
    ProviderException width =
        providerFailure(() -> client.submit(new FluxJob(PROMPT, null, 7, pro.withSize(1000, 256))));
    ProviderException prompt =
        providerFailure(() -> client.submit(new FluxJob("", null, 7, kontext)));
    ProviderException tolerance =
        providerFailure(
            () ->
                client.submit(
                    new FluxJob(
                        PROMPT,
                        null,
                        7,
                        new FluxOptions(FluxModel.PRO_1_1, 256, 256, null, null, 7, null))));

    assertFinal(width, ProviderFailure.INVALID_REQUEST);
    assertThat(width.status()).isEqualTo(422);
    assertThat(width.getMessage()).contains("body.width: Input should be a multiple of 32");
    assertThat(prompt.getMessage()).contains("body.prompt: Field required");
    assertThat(tolerance.getMessage()).contains("body.safety_tolerance");
    assertThat(fake.bfl().billed()).isZero();
  }

  @Test
  void aWrongKeyIsAnAuthFailureWhicheverStatusBflUses() {
    try (FluxClient wrong = client("nope", Duration.ofSeconds(5), 3)) {
      ProviderException forbidden =
          providerFailure(() -> wrong.submit(new FluxJob(PROMPT, null, 7, pro)));
      fake.bfl().authFailureStatus(401);
      ProviderException unauthorised = providerFailure(wrong::credits);

      assertFinal(forbidden, ProviderFailure.AUTH);
      assertThat(forbidden.status()).isEqualTo(403);
      assertFinal(unauthorised, ProviderFailure.AUTH);
      assertThat(unauthorised.status()).isEqualTo(401);
    }
  }

  @Test
  void tooFewCreditsIsOutOfCredit() {
    fake.bfl().credits(3);

    ProviderException e = providerFailure(() -> client.submit(new FluxJob(PROMPT, null, 7, pro)));

    assertFinal(e, ProviderFailure.OUT_OF_CREDIT);
    assertThat(e.status()).isEqualTo(402);
  }

  @Test
  void beyondTheActiveTaskCapSubmitsAreThrottledUntilATaskEnds() {
    fake.bfl().maxActive(2, 6);
    FluxTask first = client.submit(new FluxJob(PROMPT, null, 1, pro));
    client.submit(new FluxJob(PROMPT, null, 2, pro));

    ProviderException e = providerFailure(() -> client.submit(new FluxJob(PROMPT, null, 3, pro)));
    poller.await(first, () -> {});
    FluxTask third = client.submit(new FluxJob(PROMPT, null, 3, pro));

    assertThat(e.failure()).isEqualTo(ProviderFailure.THROTTLED);
    assertThat(e.toApplicationFailure(1).isNonRetryable()).isFalse();
    assertThat(e.toApplicationFailure(1).getNextRetryDelay()).isNull(); // none sent: backoff
    assertThat(third.id()).isNotEqualTo(first.id());
    assertThat(fake.bfl().billed()).isEqualTo(3);
  }

  @Test
  void aRetryAfterOnA429BecomesTheNextRetryDelay() {
    fake.bfl().retryAfterOn429(Duration.ofSeconds(3)).script("rate_limited");

    ProviderException e = providerFailure(() -> client.submit(new FluxJob(PROMPT, null, 7, pro)));

    assertThat(e.failure()).isEqualTo(ProviderFailure.THROTTLED);
    assertThat(e.toApplicationFailure(1).getNextRetryDelay()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void terminalStatusesComeBackAsTheyAreAndMapToTheirTypes() {
    fake.bfl().outcomes("Request Moderated", "Content Moderated", "Error");

    FluxPoll input = poller.await(client.submit(new FluxJob(PROMPT, null, 1, pro)), () -> {});
    FluxPoll output = poller.await(client.submit(new FluxJob(PROMPT, null, 2, pro)), () -> {});
    FluxPoll error = poller.await(client.submit(new FluxJob(PROMPT, null, 3, pro)), () -> {});
    FluxPoll missing =
        client.poll(new FluxTask("nope", fake.bflBaseUrl() + "/eu2/v1/get_result?id=nope", 0));

    assertThat(input.kind()).isEqualTo(FluxStatus.REQUEST_MODERATED);
    assertThat(output.kind()).isEqualTo(FluxStatus.CONTENT_MODERATED);
    assertThat(error.kind()).isEqualTo(FluxStatus.ERROR);
    assertThat(missing.kind()).isEqualTo(FluxStatus.TASK_NOT_FOUND);
    assertFinal(errors.bflTask("t", input.status()), ProviderFailure.MODERATED);
    assertFinal(errors.bflTask("t", output.status()), ProviderFailure.MODERATED);
    assertThat(errors.bflTask("t", error.status()).retryable()).isTrue();
  }

  @Test
  void anExpiredResultUrlDownloadsNothingUnlessAFreshOneIsSigned() throws Exception {
    fake.bfl().delivery(Duration.ofMillis(150), false);
    FluxTask fixed = client.submit(new FluxJob(PROMPT, null, 1, pro));
    FluxPoll ready = poller.await(fixed, () -> {});
    clock.fastForward(Duration.ofMillis(300));

    assertThat(client.download(ready.sampleUrl())).isEmpty();
    assertThat(client.poll(fixed).sampleUrl()).isEqualTo(ready.sampleUrl());

    fake.bfl().delivery(Duration.ofMillis(150), true);
    FluxTask resigned = client.submit(new FluxJob(PROMPT, null, 2, pro));
    FluxPoll first = poller.await(resigned, () -> {});
    clock.fastForward(Duration.ofMillis(300));
    FluxPoll again = client.poll(resigned);

    assertThat(client.download(first.sampleUrl())).isEmpty();
    assertThat(again.sampleUrl()).isNotEqualTo(first.sampleUrl());
    assertThat(client.download(again.sampleUrl())).isPresent();
  }

  @Test
  void aFailingDownloadIsUnavailable() {
    FluxPoll ready = poller.await(client.submit(new FluxJob(PROMPT, null, 1, pro)), () -> {});
    fake.bfl().failDeliveries(1);

    assertRetryable(providerFailure(() -> client.download(ready.sampleUrl())));
    assertThat(client.download(ready.sampleUrl())).isPresent();
  }

  @Test
  void pollsAnswering500AreRidOutWithinTheTolerance() {
    FluxTask task = client.submit(new FluxJob(PROMPT, null, 1, pro));
    fake.bfl().failPolls(3);

    assertThat(poller.await(task, () -> {}).kind()).isEqualTo(FluxStatus.READY);
  }

  @Test
  void pollsAnswering500BeyondTheToleranceFailTheAttemptRetryably() {
    FluxTask task = client.submit(new FluxJob(PROMPT, null, 1, pro));
    fake.bfl().failPolls(4);

    ProviderException e = providerFailure(() -> poller.await(task, () -> {}));

    assertRetryable(e);
    assertThat(e.status()).isEqualTo(500);
  }

  @Test
  void aTaskStillRunningWhenThePollBudgetEndsIsUnavailable() {
    fake.bfl().progress(10_000, Duration.ofMinutes(5));
    try (FluxClient impatient =
        new FluxClient(
            FluxSettings.of(fake.bflBaseUrl(), new ApiKey("bfl-fake"))
                .withPolling(Duration.ofMillis(20), Duration.ofMillis(200), 3))) {
      FluxTask task = impatient.submit(new FluxJob(PROMPT, null, 1, pro));

      ProviderException e = providerFailure(() -> new FluxPoller(impatient).await(task, () -> {}));

      assertRetryable(e);
      assertThat(e.getMessage()).contains("still running");
      assertThat(e.requestId()).contains(task.id());
    }
  }

  @Test
  void submitServerErrorsAreUnavailable() {
    fake.bfl().script("server_error", "overloaded");

    assertRetryable(providerFailure(() -> client.submit(new FluxJob(PROMPT, null, 1, pro))));
    assertRetryable(providerFailure(() -> client.submit(new FluxJob(PROMPT, null, 1, pro))));
    assertThat(fake.bfl().billed()).isZero();
  }

  @Test
  void aBrokenSubmitAnswerIsUnavailableAndMayHaveBeenBilled() {
    fake.bfl()
        .script("malformed", "truncated", "drop_after_accept")
        .dropDelay(Duration.ofMillis(20));

    for (int i = 0; i < 3; i++) {
      ProviderException e = providerFailure(() -> client.submit(new FluxJob(PROMPT, null, 1, pro)));
      assertRetryable(e);
      assertThat(e.mayHaveBilled()).isTrue();
    }
    assertThat(fake.bfl().billed()).isEqualTo(3);
  }

  @Test
  void aConnectionDroppedBeforeAcceptingIsUnavailableAndUnbilled() {
    fake.bfl().script("drop");

    assertRetryable(providerFailure(() -> client.submit(new FluxJob(PROMPT, null, 1, pro))));
    assertThat(fake.bfl().billed()).isZero();
  }

  private FluxClient client(String key, Duration budget, int maxPollErrors) {
    return new FluxClient(
        FluxSettings.of(fake.bflBaseUrl(), new ApiKey(key))
            .withPolling(Duration.ofMillis(10), budget, maxPollErrors));
  }

  private static void assertFinal(ProviderException e, ProviderFailure expected) {
    assertThat(e.failure()).isEqualTo(expected);
    ApplicationFailure failure = e.toApplicationFailure(1);
    assertThat(failure.getType()).isEqualTo(expected.type());
    assertThat(failure.isNonRetryable()).isTrue();
  }

  private static void assertRetryable(ProviderException e) {
    assertThat(e.failure()).isEqualTo(ProviderFailure.UNAVAILABLE);
    ApplicationFailure failure = e.toApplicationFailure(1);
    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
  }
}
