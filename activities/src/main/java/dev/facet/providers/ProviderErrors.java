package dev.facet.providers;

import static dev.facet.providers.ProviderFailure.AUTH;
import static dev.facet.providers.ProviderFailure.INVALID_REQUEST;
import static dev.facet.providers.ProviderFailure.MODERATED;
import static dev.facet.providers.ProviderFailure.OUT_OF_CREDIT;
import static dev.facet.providers.ProviderFailure.THROTTLED;
import static dev.facet.providers.ProviderFailure.UNAVAILABLE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.model.Charge;
import dev.facet.steps.Providers;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one mapping from what a provider answered (status, headers, error body) or how the call broke
 * to a classified {@link ProviderException}. Sources: OpenAI's error codes guide
 * (https://platform.openai.com/docs/guides/error-codes, "API errors") and rate limits guide
 * (https://platform.openai.com/docs/guides/rate-limits); BFL's API reference (https://docs.bfl.ai,
 * 422 {@code HTTPValidationError}); row by row in {@code docs/providers.md} A.3-A.6 and B.8-B.9.
 */
public final class ProviderErrors {

  /**
   * OpenAI codes that mean "no money left": terminal, although the official SDKs retry them as
   * plain 429s.
   */
  private static final Set<String> OPENAI_QUOTA_CODES =
      Set.of(
          "insufficient_quota",
          "credit_balance_exhausted",
          "organization_spend_limit_exceeded",
          "project_spend_limit_exceeded",
          "organization_usage_limit_exceeded",
          "billing_hard_limit_reached");

  private static final int SNIPPET = 300;

  private final Clock clock;

  public ProviderErrors(Clock clock) {
    this.clock = clock;
  }

  public static ProviderErrors systemClock() {
    return new ProviderErrors(Clock.systemUTC());
  }

  /** An OpenAI error: by {@code error.code}/{@code error.type} first, the status second. */
  public ProviderException openAi(HttpError error) {
    Optional<JsonNode> envelope = Json.tree(error.body()).map(n -> n.path("error"));
    String type = envelope.map(e -> e.path("type").asText(null)).orElse(null);
    String code = envelope.map(e -> e.path("code").asText(null)).orElse(null);
    String param = envelope.map(e -> e.path("param").asText(null)).orElse(null);
    String message =
        envelope.map(e -> e.path("message").asText(null)).orElse(snippet(error.body()));

    ProviderFailure failure;
    if ("moderation_blocked".equals(code)) {
      failure = MODERATED;
    } else if (isQuota(code) || isQuota(type)) {
      failure = OUT_OF_CREDIT;
    } else {
      failure = byStatus(error.status());
    }

    StringBuilder detail = new StringBuilder();
    if (code != null) {
      detail.append(code).append(": ");
    }
    detail.append(message);
    if (param != null) {
      detail.append(" [param ").append(param).append(']');
    }
    ProviderException.Builder builder =
        ProviderException.builder(failure, Providers.OPENAI, detail.toString())
            .status(error.status())
            .requestId(error.headers().get("x-request-id"));
    RetryAfter.of(error.headers(), message, clock).ifPresent(builder::retryAfter);
    // The server's explicit "don't" wins over the type's rule; its "do" does not: retrying a
    // moderation or auth failure blindly would only pay or hammer.
    if ("false".equalsIgnoreCase(error.headers().get("x-should-retry"))) {
      builder.doNotRetry();
    }
    return builder.build();
  }

  /** A BFL error: FastAPI's {@code detail} (a string, or a list of validation errors). */
  public ProviderException bfl(HttpError error) {
    String detail =
        Json.tree(error.body())
            .map(ProviderErrors::bflDetail)
            .filter(d -> !d.isBlank())
            .orElse(snippet(error.body()));
    ProviderException.Builder builder =
        ProviderException.builder(byStatus(error.status()), Providers.FLUX, detail)
            .status(error.status())
            .requestId(error.headers().get("x-request-id"));
    RetryAfter.of(error.headers(), null, clock).ifPresent(builder::retryAfter);
    return builder.build();
  }

  /**
   * A BFL task that ended without an image ({@code get_result} status). Moderation is final; a
   * failed or vanished task may be resubmitted.
   */
  public ProviderException bflTask(String taskId, String status) {
    ProviderFailure failure =
        status.equals("Request Moderated") || status.equals("Content Moderated")
            ? MODERATED
            : UNAVAILABLE;
    return ProviderException.builder(failure, Providers.FLUX, "task ended as '" + status + "'")
        .requestId(taskId)
        .build();
  }

  /**
   * The call broke before a complete answer: no connection, a timeout, a dropped or truncated
   * response. A billable request that got as far as the provider may have been charged.
   */
  public ProviderException transport(String provider, IOException e, boolean billableRequest) {
    ProviderException.Builder builder =
        ProviderException.builder(UNAVAILABLE, provider, describe(e)).cause(e);
    if (billableRequest && !neverSent(e)) {
      builder.mayHaveBilled(
          e instanceof InterruptedIOException ? Charge.ANSWER_LOST : Charge.DROPPED_CONNECTION);
    }
    return builder.build();
  }

  /** A success status with a body we cannot use: the provider did the work but we lost it. */
  public ProviderException malformed(
      String provider, String what, String requestId, Throwable cause, boolean billableRequest) {
    ProviderException.Builder builder =
        ProviderException.builder(UNAVAILABLE, provider, "malformed response: " + what)
            .requestId(requestId)
            .cause(cause);
    if (billableRequest) {
      builder.mayHaveBilled(Charge.ANSWER_LOST);
    }
    return builder.build();
  }

  private static boolean isQuota(String codeOrType) {
    return codeOrType != null && OPENAI_QUOTA_CODES.contains(codeOrType);
  }

  private static ProviderFailure byStatus(int status) {
    if (status == 429) {
      return THROTTLED;
    }
    if (status == 401 || status == 403) {
      return AUTH;
    }
    if (status == 402) {
      return OUT_OF_CREDIT;
    }
    if (status == 408 || status == 409 || status >= 500) {
      return UNAVAILABLE;
    }
    return INVALID_REQUEST;
  }

  private static String bflDetail(JsonNode body) {
    JsonNode detail = body.path("detail");
    if (detail.isArray()) {
      List<String> problems = new ArrayList<>();
      for (JsonNode item : detail) {
        List<String> loc = new ArrayList<>();
        item.path("loc").forEach(part -> loc.add(part.asText()));
        problems.add(String.join(".", loc) + ": " + item.path("msg").asText());
      }
      return String.join("; ", problems);
    }
    if (detail.isTextual()) {
      return detail.asText();
    }
    return body.path("message").asText("");
  }

  private static boolean neverSent(IOException e) {
    return e instanceof ConnectException
        || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || (e instanceof SocketTimeoutException
            && String.valueOf(e.getMessage()).contains("connect"));
  }

  private static String describe(IOException e) {
    String kind = e instanceof InterruptedIOException ? "timed out" : "connection failed";
    return kind
        + ": "
        + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : " " + e.getMessage());
  }

  private static String snippet(String body) {
    String flat = body.replaceAll("\\s+", " ").strip();
    if (flat.isEmpty()) {
      return "(empty body)";
    }
    return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
  }
}
