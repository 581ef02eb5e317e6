package dev.facet.client;

/** The shoot refused a decision, e.g. an approval while it waits for a selection. */
public class DecisionRejectedException extends RuntimeException {

  public DecisionRejectedException(String reason) {
    super(reason);
  }
}
