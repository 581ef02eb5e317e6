package dev.facet.providers;

import dev.facet.steps.FailureTypes;

/**
 * The kinds of provider failure, each with its one retry rule. The workflow sees the {@link
 * #type()} of the {@code ApplicationFailure}; the rule travels as its non-retryable flag.
 */
public enum ProviderFailure {
  THROTTLED(FailureTypes.PROVIDER_THROTTLED, true),
  UNAVAILABLE(FailureTypes.PROVIDER_UNAVAILABLE, true),
  MODERATED(FailureTypes.PROVIDER_MODERATED, false),
  INVALID_REQUEST(FailureTypes.PROVIDER_INVALID_REQUEST, false),
  AUTH(FailureTypes.PROVIDER_AUTH, false),
  OUT_OF_CREDIT(FailureTypes.PROVIDER_OUT_OF_CREDIT, false);

  private final String type;
  private final boolean retryable;

  ProviderFailure(String type, boolean retryable) {
    this.type = type;
    this.retryable = retryable;
  }

  /** The {@link FailureTypes} constant. */
  public String type() {
    return type;
  }

  /** Whether Temporal may try the same request again. */
  public boolean retryable() {
    return retryable;
  }
}
