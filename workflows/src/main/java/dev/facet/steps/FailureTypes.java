package dev.facet.steps;

/**
 * Failure types that activities raise as {@code ApplicationFailure} types. Workflows decide on
 * retries by type, never by message. An activity may put its attempt number as the first failure
 * detail, so the workflow can record how many attempts a failed step took.
 */
public final class FailureTypes {

  /** The input cannot work, however often it is retried: a corrupt photo, an unknown preset. */
  public static final String INVALID_INPUT = "InvalidInput";

  /** An object the step needs is not in the store (deleted, wrong key). Not retried. */
  public static final String MISSING_OBJECT = "MissingObject";

  /**
   * The provider asks us to slow down (HTTP 429 rate limit). Retried after the provider's {@code
   * retry-after-ms} / {@code retry-after} through the next-retry delay, else with backoff.
   */
  public static final String PROVIDER_THROTTLED = "ProviderThrottled";

  /**
   * The provider failed transiently: 5xx, timeout, dropped connection, truncated or malformed
   * response, failed task. Retried with backoff, or after the provider's Retry-After when it sends
   * one.
   */
  public static final String PROVIDER_UNAVAILABLE = "ProviderUnavailable";

  /** The provider's safety system refused the prompt, an input image or the output. Not retried. */
  public static final String PROVIDER_MODERATED = "ProviderModerated";

  /** The provider rejected the request as malformed (HTTP 400/404/422). Not retried. */
  public static final String PROVIDER_INVALID_REQUEST = "ProviderInvalidRequest";

  /** The provider refused our credentials (HTTP 401/403). Not retried: an operator must act. */
  public static final String PROVIDER_AUTH = "ProviderAuth";

  /**
   * The account has no credit or quota left (HTTP 402, 429 {@code insufficient_quota}). Not retried
   * on this provider.
   */
  public static final String PROVIDER_OUT_OF_CREDIT = "ProviderOutOfCredit";

  private FailureTypes() {}
}
