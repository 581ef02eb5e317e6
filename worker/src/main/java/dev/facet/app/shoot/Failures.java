package dev.facet.app.shoot;

import io.temporal.failure.ApplicationFailure;

/** Failure messages for people. */
public final class Failures {

  private Failures() {}

  /**
   * The innermost message: the reason a validator or activity gave, without the wrapping of every
   * layer in between.
   */
  public static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof ApplicationFailure application) {
      return application.getOriginalMessage();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
