package dev.facet.providers;

import dev.facet.metrics.FacetMetrics;
import io.temporal.activity.Activity;
import org.slf4j.LoggerFactory;

/**
 * One line of the cost ledger: what a generation cost and how it ended. Generators log it under
 * {@link #LOGGER}; the successful call's cost also travels on {@code Candidate.costUsd}, which the
 * workflow sums.
 *
 * @param size e.g. {@code 1024x1024} or {@code 1:1}
 * @param costUsd estimated charge committed by this event: an OpenAI call's price (a failed one's
 *     only when the provider may have billed it), a BFL task's price when it is submitted; summing
 *     the ledger gives the spend
 * @param outcome {@code ok}, {@code reused} (found in the store, nothing paid now), {@code
 *     submitted} (a BFL task was paid for) or the failure type
 * @param requestId the provider's request or task id, for support and invoices
 */
public record ProviderCall(
    String provider,
    String model,
    String size,
    double costUsd,
    String outcome,
    String requestId,
    String candidateId) {

  /** Logger name of the ledger, so it can be routed to its own file. */
  public static final String LOGGER = "dev.facet.providers.ledger";

  public static final String OK = "ok";

  public static final String REUSED = "reused";

  public static final String SUBMITTED = "submitted";

  /**
   * Writes this line to the ledger and adds its charge to {@link FacetMetrics#PROVIDER_COST}, so
   * the metric is the ledger summed. Called from a generation activity.
   */
  public void write() {
    LoggerFactory.getLogger(LOGGER).info("{}", this);
    FacetMetrics.cost(Activity.getExecutionContext().getMetricsScope(), provider, costUsd);
  }

  /** The ledger line of a failed call: charged only if it may have been billed. */
  public static ProviderCall failed(
      String model, String size, double price, ProviderException e, String candidateId) {
    return new ProviderCall(
        e.provider(),
        model,
        size,
        e.mayHaveBilled() ? price : 0,
        e.failure().type() + (e.mayHaveBilled() ? " (may have billed)" : ""),
        e.requestId().orElse(null),
        candidateId);
  }
}
