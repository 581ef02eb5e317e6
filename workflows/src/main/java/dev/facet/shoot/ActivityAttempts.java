package dev.facet.shoot;

import io.temporal.api.enums.v1.RetryState;
import io.temporal.common.converter.DataConverterException;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;

/**
 * How many attempts a failed activity took. Workflow code never sees the individual attempts, so
 * this reads what the failure tells: the attempt number an activity put in its failure details
 * ({@link dev.facet.steps.FailureTypes}), else the retry policy's maximum when retries ran out,
 * else one.
 */
final class ActivityAttempts {

  private ActivityAttempts() {}

  static int of(ActivityFailure failure, int maximumAttempts) {
    if (failure.getCause() instanceof ApplicationFailure cause && cause.getDetails().getSize() > 0) {
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
