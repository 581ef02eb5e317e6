package dev.facet.routing;

import java.util.Map;

/**
 * What one candidate image tells about its generator.
 *
 * @param provider the generator name the shoot asked, e.g. {@code flux} or {@code
 *     flux:flux-pro-1.1}: the row of the provider report it counts in
 * @param model the model that made it; null for the studio renderer and in evidence recorded before
 *     models were
 * @param generationMillis from scheduling the generation to its result (queueing and retries
 *     included), in workflow time
 * @param checks QA check name to passed, over every finished image of this candidate; empty when it
 *     was not judged
 * @param qaPassed whether every blocking check passed; false when it was not judged
 * @param selectedBy {@code human}, {@code policy}, or null when it was not selected
 * @param contested selected among candidates of more than one provider (a bake-off vote)
 * @param verdict {@code accepted} or {@code rejected} by the approval step, or null (not selected,
 *     or the shoot ended first)
 */
public record ImageEvidence(
    String candidateId,
    int round,
    String shot,
    String provider,
    String model,
    double costUsd,
    long generationMillis,
    Map<String, Boolean> checks,
    boolean qaPassed,
    String selectedBy,
    boolean contested,
    String verdict) {

  public static final String HUMAN = "human";
  public static final String POLICY = "policy";
  public static final String ACCEPTED = "accepted";
  public static final String REJECTED = "rejected";

  public ImageEvidence {
    checks = checks == null ? Map.of() : Map.copyOf(checks);
  }

  public boolean judged() {
    return !checks.isEmpty();
  }
}
