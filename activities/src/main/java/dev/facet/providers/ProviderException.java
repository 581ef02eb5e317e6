package dev.facet.providers;

import dev.facet.steps.GenerationCheckpoint;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that failed, classified. Clients throw it; generators turn it into the activity's
 * failure with {@link #toApplicationFailure(int)}, the one place that decides what Temporal does.
 */
public final class ProviderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ProviderFailure failure;
  private final String provider;
  private final int status;
  private final String requestId;
  private final Duration retryAfter;
  private final boolean retryable;
  private final String maybeBilledBecause;

  private ProviderException(Builder b) {
    super(describe(b), b.cause);
    this.failure = b.failure;
    this.provider = b.provider;
    this.status = b.status;
    this.requestId = b.requestId;
    this.retryAfter = b.retryAfter;
    this.retryable = b.retryable;
    this.maybeBilledBecause = b.maybeBilledBecause;
  }

  public static Builder builder(ProviderFailure failure, String provider, String detail) {
    return new Builder(failure, provider, detail);
  }

  public ProviderFailure failure() {
    return failure;
  }

  public String provider() {
    return provider;
  }

  /** The HTTP status, or 0 when no response came (timeout, dropped connection) or it was 200. */
  public int status() {
    return status;
  }

  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** When the provider said to come back, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public boolean retryable() {
    return retryable;
  }

  /**
   * Whether the provider may have charged for this call: it failed after the request was accepted
   * (a dropped or truncated response, a read timeout), so only the provider's invoice knows.
   */
  public boolean mayHaveBilled() {
    return maybeBilledBecause != null;
  }

  /**
   * Why the answer that would have said whether it was billed is lost, or null (see {@link
   * dev.facet.model.Charge}).
   */
  public String maybeBilledBecause() {
    return maybeBilledBecause;
  }

  /**
   * The activity failure for this exception: typed, non-retryable where the rule says so, with the
   * provider's Retry-After as the next retry delay, and {@code attempt} as the first detail (see
   * {@link dev.facet.steps.FailureTypes}).
   */
  public ApplicationFailure toApplicationFailure(int attempt) {
    return toApplicationFailure(new Object[] {attempt});
  }

  /**
   * As {@link #toApplicationFailure(int)}, with the generation's checkpoint as the second detail:
   * the charges the workflow puts on its ledger.
   */
  public ApplicationFailure toApplicationFailure(int attempt, GenerationCheckpoint checkpoint) {
    return toApplicationFailure(new Object[] {attempt, checkpoint});
  }

  private ApplicationFailure toApplicationFailure(Object[] details) {
    ApplicationFailure.Builder failure =
        ApplicationFailure.newBuilder()
            .setType(this.failure.type())
            .setMessage(getMessage())
            .setNonRetryable(!retryable)
            .setDetails(details)
            .setCause(getCause());
    if (retryable && retryAfter != null) {
      failure.setNextRetryDelay(retryAfter);
    }
    return failure.build();
  }

  private static String describe(Builder b) {
    StringBuilder text = new StringBuilder(b.provider).append(": ").append(b.detail);
    if (b.status > 0 || b.requestId != null) {
      text.append(" (");
      if (b.status > 0) {
        text.append("HTTP ").append(b.status);
      }
      if (b.requestId != null) {
        text.append(b.status > 0 ? ", " : "").append("request ").append(b.requestId);
      }
      text.append(')');
    }
    return text.toString();
  }

  public static final class Builder {
    private final ProviderFailure failure;
    private final String provider;
    private final String detail;
    private int status;
    private String requestId;
    private Duration retryAfter;
    private boolean retryable;
    private String maybeBilledBecause;
    private Throwable cause;

    private Builder(ProviderFailure failure, String provider, String detail) {
      this.failure = failure;
      this.provider = provider;
      this.detail = detail;
      this.retryable = failure.retryable();
    }

    public Builder status(int status) {
      this.status = status;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId == null || requestId.isBlank() ? null : requestId;
      return this;
    }

    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /**
     * Forbids retrying a failure whose type would allow it: the provider said so ({@code
     * x-should-retry: false}), or this request's own retry budget is spent.
     */
    public Builder doNotRetry() {
      this.retryable = false;
      return this;
    }

    /** The request reached the provider and its answer was lost, for {@code why}. */
    public Builder mayHaveBilled(String why) {
      this.maybeBilledBecause = why;
      return this;
    }

    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    public ProviderException build() {
      return new ProviderException(this);
    }
  }
}
