package dev.facet.steps;

/** Task queue names. Generation runs on one queue per provider so each can be rate-limited. */
public final class TaskQueues {

  /** Workflows and every step but generation. */
  public static final String SHOOT = "facet-shoot";

  public static String generation(String provider) {
    return "facet-generate-" + provider;
  }

  private TaskQueues() {}
}
