package dev.facet.routing;

import java.util.List;

/**
 * One finished shoot's evidence for the provider report: every candidate with its provider, cost,
 * time, QA checks and the humans' and the policy's verdicts.
 *
 * @param outcome the shoot's final stage, e.g. {@code PUBLISHED}
 * @param routing how the shoot chose its provider; null for a bake-off
 */
public record ShootEvidence(
    String workflowId,
    String runId,
    String sku,
    String catalogId,
    String category,
    String outcome,
    boolean bakeoff,
    RoutingDecision routing,
    List<ImageEvidence> images,
    List<FailedGeneration> failures) {

  public ShootEvidence {
    images = images == null ? List.of() : List.copyOf(images);
    failures = failures == null ? List.of() : List.copyOf(failures);
  }
}
