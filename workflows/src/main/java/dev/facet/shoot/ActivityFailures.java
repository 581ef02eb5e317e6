package dev.facet.shoot;

import io.temporal.api.enums.v1.RetryState;
import io.temporal.common.converter.DataConverterException;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;

/** What an activity failure says: its type, its cause in words, how many attempts it took. */
final class ActivityFailures {

  private ActivityFailures() {}

  /** The typed failure, e.g. {@code ProviderOutOfCredit}; a timeout's class name otherwise. */
  static String type(ActivityFailure failure) {
    if (failure.getCause() instanceof ApplicationFailure cause) {
      return cause.getType();
    }
    return failure.getCause() == null ? "Unknown" : failure.getCause().getClass().getSimpleName();
  }

  /** The root cause in words, naming the step. */
  static String describe(ActivityFailure failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    String message =
        cause instanceof ApplicationFailure af ? af.getOriginalMessage() : cause.getMessage();
    return failure.getActivityType() + " failed: " + message;
  }

  /**
   * How many attempts the activity took. Workflow code never sees the individual attempts, so this
   * reads what the failure tells: the attempt number an activity put in its failure details ({@link
   * dev.facet.steps.FailureTypes}), else the retry policy's maximum when retries ran out, else one.
   */
  static int attempts(ActivityFailure failure, int maximumAttempts) {
    if (failure.getCause() instanceof ApplicationFailure cause
        && cause.getDetails().getSize() > 0) {
      try {
        Integer attempt = cause.getDetails().get(Integer.class);
        if (attempt != null) {
          return attempt;
        }
      } catch (DataConverterException notAnAttemptNumber) {
        // Some other detail: fall through to what the retry state tells.
      }
    }
    return failure.getRetryState() == RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED
        ? maximumAttempts
        : 1;
  }
}
