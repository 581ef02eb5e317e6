package dev.facet.providers;

import static dev.facet.providers.ProviderFailure.AUTH;
import static dev.facet.providers.ProviderFailure.INVALID_REQUEST;
import static dev.facet.providers.ProviderFailure.MODERATED;
import static dev.facet.providers.ProviderFailure.OUT_OF_CREDIT;
import static dev.facet.providers.ProviderFailure.THROTTLED;
import static dev.facet.providers.ProviderFailure.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The mapping table of docs/providers.md A.4 and B.8, row by row. */
class ProviderErrorsTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private final ProviderErrors errors = new ProviderErrors(Clock.fixed(NOW, ZoneOffset.UTC));

  static Stream<Arguments> openAiTable() {
    return Stream.of(
        row(400, "image_generation_user_error", "moderation_blocked", MODERATED),
        row(400, "invalid_request_error", "invalid_value", INVALID_REQUEST),
        row(400, "image_generation_user_error", "invalid_image_file", INVALID_REQUEST),
        row(400, "invalid_request_error", "billing_hard_limit_reached", OUT_OF_CREDIT),
        row(401, "invalid_request_error", "invalid_api_key", AUTH),
        row(403, "invalid_request_error", null, AUTH),
        row(404, "invalid_request_error", "model_not_found", INVALID_REQUEST),
        row(408, "server_error", null, UNAVAILABLE),
        row(409, "invalid_request_error", null, UNAVAILABLE),
        row(422, "invalid_request_error", null, INVALID_REQUEST),
        row(429, "requests", "rate_limit_exceeded", THROTTLED),
        row(429, "insufficient_quota", "insufficient_quota", OUT_OF_CREDIT),
        row(429, "insufficient_quota", null, OUT_OF_CREDIT),
        row(429, "invalid_request_error", "credit_balance_exhausted", OUT_OF_CREDIT),
        row(429, "invalid_request_error", "organization_spend_limit_exceeded", OUT_OF_CREDIT),
        row(429, "invalid_request_error", "project_spend_limit_exceeded", OUT_OF_CREDIT),
        row(429, "invalid_request_error", "organization_usage_limit_exceeded", OUT_OF_CREDIT),
        row(500, "server_error", null, UNAVAILABLE),
        row(502, "server_error", null, UNAVAILABLE),
        row(503, "service_unavailable_error", "server_is_overloaded", UNAVAILABLE));
  }

  private static Arguments row(int status, String type, String code, ProviderFailure expected) {
    return Arguments.of(status, type, code, expected);
  }

  @ParameterizedTest(name = "OpenAI {0} {1}/{2} -> {3}")
  @MethodSource("openAiTable")
  void openAiEnvelopeIsClassifiedByCodeThenStatus(
      int status, String type, String code, ProviderFailure expected) {
    String body =
        "{\"error\":{\"message\":\"m\",\"type\":\""
            + type
            + "\",\"param\":null,\"code\":"
            + (code == null ? "null" : "\"" + code + "\"")
            + "}}";

    ProviderException e =
        errors.openAi(new HttpError(status, Headers.of("x-request-id", "req_1"), body));

    assertThat(e.failure()).isEqualTo(expected);
    assertThat(e.retryable()).isEqualTo(expected.retryable());
    assertThat(e.provider()).isEqualTo("openai");
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.requestId()).contains("req_1");
  }

  static Stream<Arguments> bflTable() {
    return Stream.of(
        Arguments.of(400, "{\"detail\":\"bad\"}", INVALID_REQUEST),
        Arguments.of(401, "{\"detail\":\"Not authenticated\"}", AUTH),
        Arguments.of(402, "{\"detail\":\"Insufficient credits\"}", OUT_OF_CREDIT),
        Arguments.of(403, "{\"detail\":\"Invalid API key\"}", AUTH),
        Arguments.of(404, "{\"detail\":\"Not Found\"}", INVALID_REQUEST),
        Arguments.of(
            422,
            "{\"detail\":[{\"loc\":[\"body\",\"width\"],\"msg\":\"x\",\"type\":\"t\"}]}",
            INVALID_REQUEST),
        Arguments.of(429, "{\"detail\":\"too many active tasks\"}", THROTTLED),
        Arguments.of(500, "Internal Server Error", UNAVAILABLE),
        Arguments.of(502, "<html>Bad Gateway</html>", UNAVAILABLE),
        Arguments.of(503, "", UNAVAILABLE));
  }

  @ParameterizedTest(name = "BFL {0} -> {2}")
  @MethodSource("bflTable")
  void bflStatusesMapToTheirType(int status, String body, ProviderFailure expected) {
    ProviderException e = errors.bfl(new HttpError(status, Headers.of(), body));

    assertThat(e.failure()).isEqualTo(expected);
    assertThat(e.retryable()).isEqualTo(expected.retryable());
    assertThat(e.provider()).isEqualTo("flux");
  }

  @Test
  void openAiQuota429IsTerminalAlthoughTheSdksWouldRetryIt() {
    ProviderException e =
        errors.openAi(
            new HttpError(
                429,
                Headers.of("retry-after", "20"),
                "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\","
                    + "\"param\":null,\"code\":\"insufficient_quota\"}}"));

    assertThat(e.failure()).isEqualTo(OUT_OF_CREDIT);
    assertThat(e.retryable()).isFalse();
    assertThat(e.toApplicationFailure(1).getNextRetryDelay()).isNull();
  }

  @Test
  void retryAfterMsIsPreferredOverRetryAfterSeconds() {
    ProviderException e =
        rateLimited(Headers.of("retry-after", "2", "retry-after-ms", "1500"), "m");

    assertThat(e.retryAfter()).contains(Duration.ofMillis(1500));
  }

  @Test
  void retryAfterAcceptsFractionalSecondsAndHttpDates() {
    assertThat(rateLimited(Headers.of("retry-after", "0.5"), "m").retryAfter())
        .contains(Duration.ofMillis(500));
    assertThat(
            rateLimited(Headers.of("retry-after", "Sat, 28 Nov 2026 12:00:30 GMT"), "m")
                .retryAfter())
        .contains(Duration.ofSeconds(30));
  }

  @Test
  void withoutHeadersTheMessageHintGivesTheDelay() {
    assertThat(
            rateLimited(Headers.of(), "Limit 5, Used 5, Requested 1. Please try again in 12s.")
                .retryAfter())
        .contains(Duration.ofSeconds(12));
    assertThat(rateLimited(Headers.of(), "Please try again in 51.84 seconds.").retryAfter())
        .contains(Duration.ofMillis(51_840));
    assertThat(rateLimited(Headers.of(), "Please try again in 20ms.").retryAfter())
        .contains(Duration.ofMillis(20));
    assertThat(rateLimited(Headers.of(), "Rate limit reached.").retryAfter()).isEmpty();
  }

  @Test
  void xShouldRetryFalseForbidsARetryTheTypeWouldAllow() {
    ProviderException e =
        errors.openAi(
            new HttpError(
                503,
                Headers.of("x-should-retry", "false"),
                "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\",\"param\":null,\"code\":null}}"));

    assertThat(e.failure()).isEqualTo(UNAVAILABLE);
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void xShouldRetryTrueDoesNotMakeAModerationRetryable() {
    ProviderException e =
        errors.openAi(
            new HttpError(
                400,
                Headers.of("x-should-retry", "true"),
                "{\"error\":{\"message\":\"rejected\",\"type\":\"image_generation_user_error\","
                    + "\"param\":null,\"code\":\"moderation_blocked\"}}"));

    assertThat(e.retryable()).isFalse();
  }

  @Test
  void aProxysHtmlPageIsClassifiedByStatusAndQuoted() {
    ProviderException e =
        errors.openAi(new HttpError(502, Headers.of(), "<html><body>Bad   Gateway</body></html>"));

    assertThat(e.failure()).isEqualTo(UNAVAILABLE);
    assertThat(e.getMessage())
        .contains("<html><body>Bad Gateway</body></html>")
        .contains("HTTP 502");
  }

  @Test
  void bflValidationErrorsNameTheirFields() {
    ProviderException e =
        errors.bfl(
            new HttpError(
                422,
                Headers.of(),
                "{\"detail\":[{\"loc\":[\"body\",\"width\"],\"msg\":\"Input should be a multiple of 32\","
                    + "\"type\":\"multiple_of\"},{\"loc\":[\"body\",\"height\"],\"msg\":\"Field required\","
                    + "\"type\":\"missing\"}]}"));

    assertThat(e.getMessage())
        .contains("body.width: Input should be a multiple of 32; body.height: Field required");
  }

  @Test
  void bflTaskStatusesMapModerationToFinalAndFailureToRetryable() {
    assertThat(errors.bflTask("t", "Request Moderated").failure()).isEqualTo(MODERATED);
    assertThat(errors.bflTask("t", "Content Moderated").failure()).isEqualTo(MODERATED);
    assertThat(errors.bflTask("t", "Error").failure()).isEqualTo(UNAVAILABLE);
    assertThat(errors.bflTask("t", "Error").requestId()).contains("t");
  }

  @Test
  void aRefusedConnectionWasNeverBilledButALostAnswerMayHaveBeen() {
    ProviderException refused = errors.transport("openai", new ConnectException("refused"), true);
    ProviderException connectTimeout =
        errors.transport("openai", new SocketTimeoutException("connect timed out"), true);
    ProviderException readTimeout =
        errors.transport("openai", new SocketTimeoutException("timeout"), true);
    ProviderException truncated =
        errors.transport("openai", new EOFException("unexpected end of stream"), true);
    ProviderException poll = errors.transport("flux", new IOException("reset"), false);

    assertThat(refused.mayHaveBilled()).isFalse();
    assertThat(connectTimeout.mayHaveBilled()).isFalse();
    assertThat(readTimeout.mayHaveBilled()).isTrue();
    assertThat(truncated.mayHaveBilled()).isTrue();
    assertThat(poll.mayHaveBilled()).isFalse();
    assertThat(readTimeout.failure()).isEqualTo(UNAVAILABLE);
    assertThat(readTimeout.getMessage()).contains("timed out");
  }

  private ProviderException rateLimited(Headers headers, String message) {
    return errors.openAi(
        new HttpError(
            429,
            headers,
            "{\"error\":{\"message\":\""
                + message
                + "\",\"type\":\"requests\",\"param\":null,"
                + "\"code\":\"rate_limit_exceeded\"}}"));
  }
}
