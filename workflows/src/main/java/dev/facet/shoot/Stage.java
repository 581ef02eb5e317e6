package dev.facet.shoot;

/** Where a shoot is. The words are what the Web UI shows as the workflow's current details. */
public enum Stage {
  CAPTURING("validating and measuring the reference photos", false),
  PROMPTING("writing the prompts", false),
  GENERATING("generating candidates", false),
  SCORING("scoring candidates", false),
  AWAITING_SELECTION("waiting for a reviewer to select candidates", true),
  POST_PROCESSING("producing channel images", false),
  INSPECTING("running automated QA", false),
  AWAITING_APPROVAL("waiting for a reviewer to approve or reject", true),
  PUBLISHING("writing the manifest", false),
  PUBLISHED("published", false),
  REJECTED("rejected after the last allowed round", false),
  EXPIRED("nobody decided in time", false),
  FAILED("failed", false);

  private final String words;
  private final boolean awaitingHuman;

  Stage(String words, boolean awaitingHuman) {
    this.words = words;
    this.awaitingHuman = awaitingHuman;
  }

  public String words() {
    return words;
  }

  public boolean awaitingHuman() {
    return awaitingHuman;
  }

  public boolean finished() {
    return this == PUBLISHED || this == REJECTED || this == EXPIRED || this == FAILED;
  }
}
