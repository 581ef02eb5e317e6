package dev.facet.providers.openai;

import static dev.facet.providers.Fixtures.providerFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.facet.devkit.providers.FakeProviderServer;
import dev.facet.imaging.ImageFormat;
import dev.facet.providers.ApiKey;
import dev.facet.providers.Fixtures;
import dev.facet.providers.ProviderException;
import dev.facet.providers.ProviderFailure;
import dev.facet.steps.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI client against the fake, one test per Part D scenario: what comes back, or which
 * failure type and retry decision Temporal gets.
 */
class OpenAiContractTest {

  private static final String PROMPT = "The ring from the photos on a white studio backdrop";

  private FakeProviderServer fake;
  private OpenAiImagesClient client;
  private final OpenAiImageOptions options = OpenAiImageOptions.defaults();

  @BeforeEach
  void start() {
    fake = FakeProviderServer.start();
    client = client("sk-fake", Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void okEditSendsTheReferencesAsImageArrayAndReturnsTheRequestedImage() {
    OpenAiImage image = client.edit(PROMPT, twoReferences(), null, options);

    assertThat(image.image().mediaType()).isEqualTo("image/png");
    assertThat(image.image().width()).isEqualTo(1024);
    assertThat(image.image().height()).isEqualTo(1024);
    // gpt-image-2, high, square: 7024 output tokens (community-measured, docs/providers.md A.1).
    assertThat(image.usage().outputTokens()).isEqualTo(7024);
    assertThat(image.usage().inputImageTokens()).isPositive();
    assertThat(image.requestId()).startsWith("req_");
    var received = fake.openAi().lastRequest();
    assertThat(received.fileFieldNames()).containsExactly("image[]", "image[]");
    assertThat(received.files())
        .allSatisfy(f -> assertThat(f.contentType()).isEqualTo("image/jpeg"));
    assertThat(received.fields())
        .containsEntry("model", "gpt-image-2")
        .containsEntry("size", "1024x1024")
        .containsEntry("quality", "high")
        .containsEntry("output_format", "png")
        .containsEntry("n", "1")
        .containsEntry("prompt", PROMPT)
        .as("gpt-image-2 refuses input_fidelity (400 invalid_input_fidelity_model)")
        .doesNotContainKey("input_fidelity");
    assertThat(fake.openAi().billed()).isEqualTo(1);
  }

  @Test
  void anEditSendsInputFidelityOnlyToAModelThatTakesIt() {
    client.edit(PROMPT, twoReferences(), null, options.forModel("gpt-image-1.5"));
    var toOne5 = fake.openAi().lastRequest().fields();
    client.edit(PROMPT, twoReferences(), null, options.forModel("gpt-image-1-mini"));
    var toMini = fake.openAi().lastRequest().fields();
    client.edit(
        PROMPT,
        twoReferences(),
        null,
        new OpenAiImageOptions(
            "gpt-image-1-mini", null, "low", null, null, null, "low", null, false, null));
    var lowToMini = fake.openAi().lastRequest().fields();

    assertThat(toOne5)
        .containsEntry("model", "gpt-image-1.5")
        .containsEntry("input_fidelity", "high");
    assertThat(toMini)
        .containsEntry("model", "gpt-image-1-mini")
        .doesNotContainKey("input_fidelity");
    assertThat(lowToMini).containsEntry("input_fidelity", "low").containsEntry("quality", "low");
    assertThat(fake.openAi().billed()).isEqualTo(3);
  }

  @Test
  void aSingleReferenceGoesAsImageAndTheMaskAlongside() {
    byte[] mask = EditMasks.fromProductMask(Fixtures.maskFront());

    OpenAiImage image =
        client.edit(
            PROMPT,
            List.of(new InputImage("front.jpg", Fixtures.referenceFront(), "image/jpeg")),
            new InputImage("mask.png", mask, "image/png"),
            options);

    assertThat(image.image().width()).isEqualTo(1024);
    assertThat(fake.openAi().lastRequest().fileFieldNames()).containsExactly("image", "mask");
  }

  @Test
  void aMaskOfTheWrongSizeIsAnInvalidRequest() {
    byte[] mask = EditMasks.fromProductMask(Fixtures.maskFront()); // 512x512; side view is 512x384

    ProviderException e =
        providerFailure(
            () ->
                client.edit(
                    PROMPT,
                    List.of(new InputImage("side.jpg", Fixtures.referenceSide(), "image/jpeg")),
                    new InputImage("mask.png", mask, "image/png"),
                    options));

    assertFinal(e, ProviderFailure.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("[param mask]");
  }

  @Test
  void okGenerationReturnsAJpegOfTheRequestedSize() {
    OpenAiImage image =
        client.generate(
            PROMPT, options.withSize("1536x1024").withOutput(ImageFormat.JPEG, "opaque"));

    assertThat(image.image().mediaType()).isEqualTo("image/jpeg");
    assertThat(image.image().width()).isEqualTo(1536);
    assertThat(image.image().height()).isEqualTo(1024);
    assertThat(image.usage().outputTokens())
        .as("gpt-image-2 scales with the area")
        .isEqualTo(10536);
    assertThat(fake.openAi().lastRequest().path()).isEqualTo("/v1/images/generations");
  }

  @Test
  void moderationBlockedIsFinal() {
    fake.openAi().script("moderation_blocked");

    ProviderException e = providerFailure(this::edit);

    assertFinal(e, ProviderFailure.MODERATED);
    assertThat(e.getMessage()).contains("moderation_blocked").contains("safety system");
    assertThat(fake.openAi().billed()).isZero();
  }

  @Test
  void badParamIsAnInvalidRequestNamingTheParameter() {
    fake.openAi().script("bad_param");

    ProviderException e = providerFailure(this::edit);

    assertFinal(e, ProviderFailure.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("[param size]");
  }

  @Test
  void requestsTheRealApiRejectsAreInvalidRequests() {
    ProviderException jpegWithTransparency =
        providerFailure(
            () -> client.generate(PROMPT, options.withOutput(ImageFormat.JPEG, "transparent")));
    ProviderException unknownModel =
        providerFailure(() -> client.generate(PROMPT, options.withModel("gpt-image-9")));
    ProviderException noPrompt = providerFailure(() -> client.generate(" ", options));

    assertFinal(jpegWithTransparency, ProviderFailure.INVALID_REQUEST);
    assertThat(jpegWithTransparency.getMessage()).contains("[param background]");
    assertFinal(unknownModel, ProviderFailure.INVALID_REQUEST);
    assertThat(unknownModel.status()).isEqualTo(404);
    assertThat(unknownModel.getMessage()).contains("model_not_found");
    assertFinal(noPrompt, ProviderFailure.INVALID_REQUEST);
  }

  @Test
  void anUnreadableReferenceIsAnInvalidImage() {
    byte[] notAnImage = "GIF? no".getBytes(StandardCharsets.UTF_8);

    ProviderException e =
        providerFailure(
            () ->
                client.edit(
                    PROMPT,
                    List.of(new InputImage("x.jpg", notAnImage, "image/jpeg")),
                    null,
                    options));

    assertFinal(e, ProviderFailure.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("invalid_image_file");
  }

  @Test
  void invalidImageScenarioIsAnInvalidRequest() {
    fake.openAi().script("invalid_image");

    assertFinal(providerFailure(this::edit), ProviderFailure.INVALID_REQUEST);
  }

  @Test
  void aWrongKeyIsAnAuthFailureAndTheKeyIsNotEchoedWhole() {
    try (OpenAiImagesClient wrong = client("sk-wrong-key-0123456789", Duration.ofSeconds(10))) {
      ProviderException e = providerFailure(() -> wrong.generate(PROMPT, options));

      assertFinal(e, ProviderFailure.AUTH);
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.getMessage())
          .contains("invalid_api_key")
          .doesNotContain("sk-wrong-key-0123456789");
    }
  }

  @Test
  void authScenarioIsAnAuthFailure() {
    fake.openAi().script("auth");

    assertFinal(providerFailure(this::edit), ProviderFailure.AUTH);
  }

  @Test
  void anUnverifiedOrganisationIsAnAuthFailure() {
    fake.openAi().script("org_unverified");

    ProviderException e = providerFailure(this::edit);

    assertFinal(e, ProviderFailure.AUTH);
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.getMessage()).contains("must be verified");
  }

  @Test
  void rateLimitedIsThrottledAndRetriedAfterTheProvidersDelayThenSucceeds() {
    fake.openAi().script("rate_limited", "ok");

    ProviderException e = providerFailure(this::edit);
    ApplicationFailure failure = e.toApplicationFailure(1);

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_THROTTLED);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(2));
    assertThat(edit().image().width()).isEqualTo(1024);
    assertThat(fake.openAi().billed()).isEqualTo(1);
  }

  @Test
  void theImagesPerMinuteLimitThrottlesTheRequestBeyondIt() {
    fake.openAi().imagesPerMinute(1).retryAfter(Duration.ofSeconds(7));

    edit();
    ProviderException e = providerFailure(this::edit);

    assertThat(e.failure()).isEqualTo(ProviderFailure.THROTTLED);
    assertThat(e.toApplicationFailure(2).getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void insufficientQuotaIsOutOfCreditAndNotRetriedAlthoughItIsA429() {
    fake.openAi().script("quota");

    ProviderException e = providerFailure(this::edit);

    assertFinal(e, ProviderFailure.OUT_OF_CREDIT);
    assertThat(e.status()).isEqualTo(429);
  }

  @Test
  void serverErrorIsUnavailableAndLeftToBackoff() {
    fake.openAi().script("server_error");

    ApplicationFailure failure = providerFailure(this::edit).toApplicationFailure(1);

    assertThat(failure.getType()).isEqualTo(FailureTypes.PROVIDER_UNAVAILABLE);
    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isNull();
  }

  @Test
  void overloadedIsUnavailableRetriedAfterItsRetryAfter() {
    fake.openAi().script("overloaded", "overloaded_long");

    ApplicationFailure overloaded = providerFailure(this::edit).toApplicationFailure(1);
    ApplicationFailure overloadedLong = providerFailure(this::edit).toApplicationFailure(2);

    assertThat(overloaded.getType()).isEqualTo(FailureTypes.PROVIDER_UNAVAILABLE);
    assertThat(overloaded.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(2));
    // The Python SDK gives up above 120 s; a Temporal retry timer costs nothing to wait on.
    assertThat(overloadedLong.isNonRetryable()).isFalse();
    assertThat(overloadedLong.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void xShouldRetryFalseIsHonoured() {
    fake.openAi().script("overloaded_no_retry");

    ProviderException e = providerFailure(this::edit);

    assertThat(e.failure()).isEqualTo(ProviderFailure.UNAVAILABLE);
    assertThat(e.toApplicationFailure(1).isNonRetryable()).isTrue();
  }

  @Test
  void aSlowAnswerPastTheReadTimeoutIsUnavailableAndMayHaveBeenBilled() {
    fake.openAi().script("slow").slowDelay(Duration.ofSeconds(3));
    try (OpenAiImagesClient impatient = client("sk-fake", Duration.ofMillis(700))) {
      ProviderException e =
          providerFailure(() -> impatient.edit(PROMPT, twoReferences(), null, options));

      assertRetryable(e);
      assertThat(e.getMessage()).contains("timed out");
      assertThat(e.mayHaveBilled()).isTrue();
      assertThat(fake.openAi().billed()).isEqualTo(1);
    }
  }

  @Test
  void aConnectionDroppedAfterTheWorkIsUnavailableAndWasBilled() {
    fake.openAi().script("drop_after_accept").dropDelay(Duration.ofMillis(50));

    ProviderException e = providerFailure(this::edit);

    assertRetryable(e);
    assertThat(e.mayHaveBilled()).isTrue();
    // The duplicate-charge path: the provider charged for an image nobody received.
    assertThat(fake.openAi().billed()).isEqualTo(1);
  }

  @Test
  void aConnectionDroppedBeforeTheWorkIsUnavailableAndUnbilled() {
    fake.openAi().script("drop");

    assertRetryable(providerFailure(this::edit));
    assertThat(fake.openAi().billed()).isZero();
  }

  @Test
  void aTruncatedBodyIsUnavailable() {
    fake.openAi().script("truncated");

    ProviderException e = providerFailure(this::edit);

    assertRetryable(e);
    assertThat(e.mayHaveBilled()).isTrue();
  }

  @Test
  void aMalformedBodyIsUnavailable() {
    fake.openAi().script("malformed");

    ProviderException e = providerFailure(this::edit);

    assertRetryable(e);
    assertThat(e.getMessage()).contains("malformed response").contains("req_");
  }

  @Test
  void aPayloadThatIsNoImageIsUnavailable() {
    fake.openAi().script("corrupt_image");

    ProviderException e = providerFailure(this::edit);

    assertRetryable(e);
    assertThat(e.getMessage()).contains("no PNG or JPEG");
  }

  @Test
  void aConcurrencyCapAnswersTheExtraRequestWith429() throws Exception {
    fake.openAi().maxConcurrent(1).script("slow").slowDelay(Duration.ofSeconds(2));
    Thread first = new Thread(() -> providerFailureOrImage(this::edit));
    first.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> fake.openAi().inFlight() == 1);

    ProviderException e = providerFailure(this::edit);
    first.join();

    assertThat(e.failure()).isEqualTo(ProviderFailure.THROTTLED);
  }

  private OpenAiImage edit() {
    return client.edit(PROMPT, twoReferences(), null, options);
  }

  private static void providerFailureOrImage(java.util.function.Supplier<?> call) {
    try {
      call.get();
    } catch (ProviderException ignored) {
      // Only the concurrent request matters here.
    }
  }

  private static List<InputImage> twoReferences() {
    return List.of(
        new InputImage("front.jpg", Fixtures.referenceFront(), "image/jpeg"),
        new InputImage("side.jpg", Fixtures.referenceSide(), "image/jpeg"));
  }

  private OpenAiImagesClient client(String key, Duration readTimeout) {
    return new OpenAiImagesClient(
        OpenAiSettings.of(fake.openAiBaseUrl(), new ApiKey(key)).withReadTimeout(readTimeout));
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
