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

  private FailureTypes() {}
}
