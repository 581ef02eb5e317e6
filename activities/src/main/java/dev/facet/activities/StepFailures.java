package dev.facet.activities;

import dev.facet.steps.FailureTypes;
import dev.facet.storage.MissingObjectException;
import io.temporal.failure.ApplicationFailure;

/** The typed, non-retryable failures the step implementations raise. */
final class StepFailures {

  private StepFailures() {}

  static ApplicationFailure invalidInput(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureTypes.INVALID_INPUT);
  }

  static ApplicationFailure missingObject(MissingObjectException e) {
    return ApplicationFailure.newNonRetryableFailureWithCause(
        e.getMessage(), FailureTypes.MISSING_OBJECT, e);
  }
}
