package dev.facet.steps;

import dev.facet.model.Candidate;
import io.temporal.activity.ActivityInterface;

/**
 * Step 3: make one candidate image. Runs on the provider's own task queue ({@link
 * TaskQueues#generation}), so the provider's limits are enforced by the Temporal server.
 */
@ActivityInterface
public interface GenerationActivities {

  /**
   * Generates the variant, or returns the one already stored under its key (a retry after a crash
   * never pays twice).
   */
  Candidate generate(GenerateRequest request);
}
