package dev.facet.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.facet.activities.LiveAttempt;
import dev.facet.devkit.providers.FakeProviderServer;
import dev.facet.model.Candidate;
import dev.facet.model.Charge;
import dev.facet.model.Charge.Billing;
import dev.facet.providers.openai.OpenAiImageOptions;
import dev.facet.providers.openai.OpenAiImagesClient;
import dev.facet.providers.openai.OpenAiPrices;
import dev.facet.providers.openai.OpenAiSettings;
import dev.facet.steps.FailureTypes;
import dev.facet.steps.GenerationActivities;
import dev.facet.steps.GenerationCheckpoint;
import dev.facet.storage.S3ObjectStore;
import dev.facet.testing.EmbeddedS3Extension;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiGeneratorTest {

  @RegisterExtension static final EmbeddedS3Extension s3 = new EmbeddedS3Extension();

  /** The last day OpenAI served gpt-image-1.5 and gpt-image-1-mini; gpt-image-1 was gone. */
  private static final Clock BEFORE_SHUTDOWN =
      Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

  private static final Clock AFTER_SHUTDOWN =
      Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);

  private FakeProviderServer fake;
  private OpenAiImagesClient client;
  private TestActivityEnvironment env;
  private GenerationFixture shoot;
  private final List<GenerationCheckpoint> heartbeats = new CopyOnWriteArrayList<>();

  /** The worker dies before this heartbeat reaches the server. */
  private volatile Predicate<GenerationCheckpoint> diesBefore = h -> false;

  @BeforeEach
  void start() {
    fake = FakeProviderServer.start();
    client = new OpenAiImagesClient(OpenAiSettings.of(fake.openAiBaseUrl(), new ApiKey("sk-fake")));
    env = TestActivityEnvironment.newInstance();
    shoot = new GenerationFixture(s3.store());
  }

  @AfterEach
  void stop() {
    env.close();
    client.close();
    fake.close();
  }

  @Test
  void editsTheReferencesAndStoresTheCandidateUnderItsKey() throws Exception {
    Candidate candidate =
        generator(OpenAiImageOptions.defaults()).generate(shoot.request("openai", 2));

    assertThat(candidate.id()).isEqualTo("r1-hero-v2");
    assertThat(candidate.provider()).isEqualTo("openai");
    assertThat(candidate.costUsd()).isEqualTo(0.21); // gpt-image-2, 1024x1024, high
    assertThat(candidate.charges())
        .singleElement()
        .satisfies(c -> assertThat(c.requestId()).isEqualTo(fake.openAi().charges().get(0).id()));
    assertThat(candidate.image().key()).isEqualTo(shoot.keys().candidate(1, "hero", 2, "png"));
    assertThat(candidate.image().mediaType()).isEqualTo("image/png");
    assertThat(candidate.image().width()).isEqualTo(1024);
    byte[] stored = s3.store().get(candidate.image().key());
    assertThat(candidate.image().sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
    var sent = fake.openAi().lastRequest();
    assertThat(sent.fileFieldNames()).containsExactly("image[]", "image[]");
    assertThat(sent.files().get(0).filename())
        .isEqualTo("reference-0.jpg"); // the shot's angle first
    assertThat(sent.fields()).containsEntry("prompt", shoot.request("openai", 2).prompt().prompt());
    assertThat(sent.fields())
        .containsEntry("model", "gpt-image-2")
        .containsEntry("quality", "high")
        .as("gpt-image-2 refuses input_fidelity; it always keeps its inputs' detail")
        .doesNotContainKey("input_fidelity");
  }

  @Test
  void aRetryFindsTheStoredCandidateAndItsChargeWithoutCallingTheProvider() {
    GenerationActivities generator = generator(OpenAiImageOptions.defaults());
    Candidate first = generator.generate(shoot.request("openai", 1));
    // The attempt stored the candidate and died before it could say so: its retry starts from the
    // checkpoint that has the charge.
    env.setHeartbeatDetails(heartbeats.get(heartbeats.size() - 1));

    Candidate second = generator.generate(shoot.request("openai", 1));

    assertThat(second.image()).isEqualTo(first.image());
    assertThat(second.charges()).isEqualTo(first.charges());
    assertThat(second.costUsd()).isEqualTo(0.21);
    assertThat(fake.openAi().requests()).isEqualTo(1);
    assertThat(fake.billed()).containsEntry("openai", 1);
  }

  @Test
  void itHeartbeatsWhileTheProviderWorksOnTheImage() {
    fake.openAi().latency(LiveAttempt.PERIOD.plusSeconds(1));

    Candidate candidate =
        generator(OpenAiImageOptions.defaults()).generate(shoot.request("openai", 8));

    assertThat(heartbeats)
        .as("the request went on record, then the attempt kept beating while" + " the call blocked")
        .filteredOn(h -> h.inFlight() != null)
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(candidate.charges())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.billing()).isEqualTo(Billing.BILLED);
              assertThat(c.requestId()).startsWith("req_");
              assertThat(c.delivered()).isTrue();
            });
  }

  @Test
  void anAnswerDroppedAfterTheChargeIsMaybeBilledOnTheLedger() {
    fake.openAi().script("drop_after_accept");

    ApplicationFailure failure =
        failureOf(
            () -> generator(OpenAiImageOptions.defaults()).generate(shoot.request("openai", 9)));

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getDetails().get(1, GenerationCheckpoint.class).charges())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.billing()).isEqualTo(Billing.MAYBE_BILLED);
              assertThat(c.reason()).isEqualTo(Charge.DROPPED_CONNECTION);
              assertThat(c.usd()).isEqualTo(0.21);
            });
    assertThat(fake.billed()).as("the provider did charge it").containsEntry("openai", 1);
  }

  @Test
  void aWorkerKilledWhileTheImageWasMadeLeavesAMaybeBilledChargeAndTheRetryPaysAgain() {
    GenerationActivities generator = generator(OpenAiImageOptions.defaults());
    diesBefore = h -> h.inFlight() == null && !h.charges().isEmpty(); // the answer is not on record
    catchThrowableOfType(
        CanceledFailure.class, () -> generator.generate(shoot.request("openai", 10)));
    GenerationCheckpoint lastHeartbeat = heartbeats.get(heartbeats.size() - 1);
    diesBefore = h -> false;
    env.close();
    env = TestActivityEnvironment.newInstance(); // the retry lands on a fresh worker
    env.setHeartbeatDetails(lastHeartbeat);

    Candidate candidate =
        generator(OpenAiImageOptions.defaults()).generate(shoot.request("openai", 10));

    assertThat(fake.billed()).as("no idempotency key: paid twice").containsEntry("openai", 2);
    assertThat(candidate.charges())
        .extracting(Charge::billing, Charge::reason, Charge::delivered)
        .containsExactly(
            tuple(Billing.MAYBE_BILLED, Charge.WORKER_KILLED, false),
            tuple(Billing.BILLED, null, true));
    assertThat(candidate.costUsd()).as("what OpenAI billed").isEqualTo(0.42);
  }

  @Test
  void theCollectionsStyleReferenceGoesLastWithASentenceSayingWhatItIsFor() {
    generator(OpenAiImageOptions.defaults()).generate(shoot.withStyleReference("openai", 1));

    var sent = fake.openAi().lastRequest();
    assertThat(sent.fileFieldNames()).containsExactly("image[]", "image[]", "image[]");
    assertThat(sent.files().get(2).filename()).isEqualTo("style-reference.jpg");
    assertThat(sent.fields().get("prompt"))
        .startsWith(shoot.request("openai", 1).prompt().prompt())
        .contains("The last image shows the collection's style");
  }

  @Test
  void theMaskIsSentWhenConfigured() {
    generator(OpenAiImageOptions.defaults().withMask(true)).generate(shoot.request("openai", 1));

    assertThat(fake.openAi().lastRequest().fileFieldNames())
        .containsExactly("image[]", "image[]", "mask");
  }

  @Test
  void withoutReferencesItGeneratesFromThePromptAlone() {
    Candidate candidate =
        generator(OpenAiImageOptions.defaults()).generate(shoot.withoutReferences("openai", 1));

    assertThat(fake.openAi().lastRequest().path()).isEqualTo("/v1/images/generations");
    assertThat(candidate.image().width()).isEqualTo(1024);
  }

  @Test
  void aModerationRefusalFailsTheActivityForGoodAndStoresNothing() {
    fake.openAi().script("moderation_blocked");

    ApplicationFailure failure =
        failureOf(
            () -> generator(OpenAiImageOptions.defaults()).generate(shoot.request("openai", 3)));

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_MODERATED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getDetails().get(Integer.class)).isNotNull(); // the attempt number
    assertThat(s3.store().find(shoot.keys().candidate(1, "hero", 3, "png"))).isEmpty();
  }

  @Test
  void aRateLimitFailsTheAttemptWithTheProvidersRetryDelay() {
    fake.openAi().script("rate_limited");

    ApplicationFailure failure =
        failureOf(
            () -> generator(OpenAiImageOptions.defaults()).generate(shoot.request("openai", 4)));

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_THROTTLED);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aMissingReferenceFailsTheActivityForGoodBeforeAnyCall() {
    ApplicationFailure failure =
        failureOf(
            () ->
                generator(OpenAiImageOptions.defaults())
                    .generate(shoot.withMissingReference("openai", 5)));

    assertThat(failure.getType()).isEqualTo(FailureTypes.MISSING_OBJECT);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains("capture/gone.jpg");
    assertThat(fake.openAi().requests()).isZero();
  }

  @Test
  void aNameWithAModelRunsThatModelAtItsOwnPriceWithTheInputFidelityItTakes() {
    // The day before OpenAI shut the GPT Image 1 models down.
    GenerationActivities generator = generator(OpenAiImageOptions.defaults(), BEFORE_SHUTDOWN);

    Candidate mini = generator.generate(shoot.request("openai:gpt-image-1-mini", 6));
    var toMini = fake.openAi().lastRequest().fields();
    Candidate one5 = generator.generate(shoot.request("openai:gpt-image-1.5", 7));
    var toOne5 = fake.openAi().lastRequest().fields();

    assertThat(mini.provider()).isEqualTo("openai:gpt-image-1-mini");
    assertThat(mini.model()).isEqualTo("gpt-image-1-mini");
    assertThat(mini.costUsd()).isEqualTo(0.036); // gpt-image-1-mini, 1024x1024, high
    assertThat(toMini)
        .as("the mini model refuses input_fidelity=high")
        .containsEntry("model", "gpt-image-1-mini")
        .doesNotContainKey("input_fidelity");
    assertThat(one5.costUsd()).isEqualTo(0.133); // gpt-image-1.5, 1024x1024, high
    assertThat(toOne5)
        .containsEntry("model", "gpt-image-1.5")
        .containsEntry("input_fidelity", "high");
  }

  @Test
  void aModelOpenAiHasShutDownIsRefusedForGoodBeforeAnyCall() {
    GenerationActivities generator = generator(OpenAiImageOptions.defaults(), AFTER_SHUTDOWN);
    for (String model : List.of("gpt-image-1.5", "gpt-image-1-mini", "gpt-image-1")) {
      ApplicationFailure failure =
          failureOf(() -> generator.generate(shoot.request("openai:" + model, 9)));

      assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_INVALID_REQUEST);
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .contains("OpenAI shut '" + model + "' down on 2026-")
          .contains(
              "use gpt-image-2 (openai:gpt-image-2, or facet.providers.openai.model=gpt-image-2)");
    }
    ApplicationFailure unknown =
        failureOf(() -> generator.generate(shoot.request("openai:dall-e-3", 9)));
    assertThat(unknown.getOriginalMessage())
        .contains(
            "OpenAI model 'dall-e-3' is not one Facet runs; it runs gpt-image-2,"
                + " gpt-image-2-2026-04-21");
    assertThat(fake.openAi().requests()).isZero();
  }

  @Test
  void aShutDownOrMisfitDefaultIsRefusedAtWiring() {
    assertThatThrownBy(
            () ->
                new OpenAiGenerator(
                    s3.store(),
                    client,
                    OpenAiImageOptions.defaults().withModel("gpt-image-1.5"),
                    OpenAiPrices.load(),
                    AFTER_SHUTDOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "OpenAI shut 'gpt-image-1.5' down on 2026-12-01; use gpt-image-2"
                + " (openai:gpt-image-2, or facet.providers.openai.model=gpt-image-2): fix"
                + " facet.providers.openai");
    assertThatThrownBy(
            () ->
                new OpenAiGenerator(
                    s3.store(),
                    client,
                    OpenAiImageOptions.defaults().withModel("gpt-image-1.5").withSize("2048x1152"),
                    OpenAiPrices.load(),
                    BEFORE_SHUTDOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "OpenAI model 'gpt-image-1.5' takes the sizes 1024x1024, 1024x1536,"
                + " 1536x1024, auto, not '2048x1152'");
    assertThatThrownBy(
            () ->
                new OpenAiGenerator(
                    s3.store(),
                    client,
                    new OpenAiImageOptions(
                        null, null, "hd", null, null, null, null, null, false, null),
                    OpenAiPrices.load(),
                    AFTER_SHUTDOWN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "OpenAI model 'gpt-image-2' takes quality auto, high, low, medium," + " not 'hd'");
  }

  @Test
  void aModelWithoutAPriceIsRefusedForGoodBeforeAnyCall() {
    // gpt-image-1.5 is priced at 1536x1024; gpt-image-2 only at 1024x1024.
    ApplicationFailure failure =
        failureOf(
            () ->
                generator(
                        OpenAiImageOptions.defaults()
                            .withModel("gpt-image-1.5")
                            .withSize("1536x1024"),
                        BEFORE_SHUTDOWN)
                    .generate(shoot.request("openai:gpt-image-2", 7)));

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_INVALID_REQUEST);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .contains("'gpt-image-2' has no price at 1536x1024 high");
    assertThat(fake.openAi().requests()).isZero();
  }

  @Test
  void anUnpricedConfigurationIsRefusedAtWiring() {
    assertThatThrownBy(
            () ->
                new OpenAiGenerator(
                    s3.store(),
                    client,
                    OpenAiImageOptions.defaults().withModel("gpt-image-2").withSize("2048x1152"),
                    OpenAiPrices.load()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpt-image-2 2048x1152 high")
        .hasMessageContaining("pricePerImageUsd");
  }

  private GenerationActivities generator(OpenAiImageOptions options) {
    return generator(options, Clock.systemUTC());
  }

  private GenerationActivities generator(OpenAiImageOptions options, Clock clock) {
    // A cancel request tears the attempt down at its next heartbeat, as a crash would end it.
    env.setActivityHeartbeatListener(
        GenerationCheckpoint.class,
        details -> {
          if (diesBefore.test(details)) {
            env.requestCancelActivity();
            return;
          }
          heartbeats.add(details);
        });
    S3ObjectStore store = s3.store();
    env.registerActivitiesImplementations(
        new OpenAiGenerator(store, client, options, OpenAiPrices.load(), clock));
    return env.newActivityStub(
        GenerationActivities.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(1))
            .setHeartbeatTimeout(Duration.ofSeconds(30))
            .build());
  }

  private static ApplicationFailure failureOf(Runnable call) {
    ActivityFailure failure = catchThrowableOfType(ActivityFailure.class, call::run);
    assertThat(failure).as("the activity failed").isNotNull();
    assertThat(failure.getCause()).isInstanceOf(ApplicationFailure.class);
    return (ApplicationFailure) failure.getCause();
  }
}
