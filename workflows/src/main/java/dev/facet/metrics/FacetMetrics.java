package dev.facet.metrics;

import com.uber.m3.tally.Scope;
import dev.facet.model.Charge;
import dev.facet.model.QaCheck;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Facet's own metrics: their names and tags in one place. They go through Temporal's metrics scope,
 * so they carry its namespace, task queue and activity or workflow type tags and reach the same
 * Micrometer registry as the SDK's own metrics. Activities pass {@code
 * Activity.getExecutionContext().getMetricsScope()}; workflows pass {@code
 * Workflow.getMetricsScope()}, which stays silent while a workflow replays, so nothing is counted
 * twice and no command is added to history.
 */
public final class FacetMetrics {

  /** Counter: generation attempts per {@code provider} and {@code outcome}. */
  public static final String IMAGES_GENERATED = "facet_images_generated";

  /** Timer: how long one generation attempt took, per {@code provider} and {@code outcome}. */
  public static final String GENERATION_LATENCY = "facet_generation_latency";

  /**
   * Counter: provider charges in millionths of a US dollar, per {@code provider}, {@code billing}
   * ({@code billed}, {@code maybe_billed}) and {@code outcome} ({@code delivered}, {@code lost}) —
   * the cost ledger, summed. Micro-USD because Temporal's (tally) counters count whole numbers.
   */
  public static final String PROVIDER_COST = "facet_provider_cost_microusd";

  /** Counter: automated QA checks per {@code check} and {@code outcome} (passed, failed). */
  public static final String QA_CHECKS = "facet_qa_checks";

  /**
   * Timer: how long a shoot waited for a human, per {@code decision_point} (selection, approval)
   * and {@code outcome} (decided, timed_out).
   */
  public static final String HUMAN_WAIT = "facet_human_wait";

  public static final String PROVIDER = "provider";
  public static final String OUTCOME = "outcome";
  public static final String CHECK = "check";
  public static final String DECISION_POINT = "decision_point";
  public static final String BILLING = "billing";

  /** Generation outcomes besides a failure's type. */
  public static final String OK = "ok";

  public static final String REUSED = "reused";

  public static final String DELIVERED = "delivered";
  public static final String LOST = "lost";

  public static final String PASSED = "passed";
  public static final String FAILED = "failed";
  public static final String DECIDED = "decided";
  public static final String TIMED_OUT = "timed_out";

  private FacetMetrics() {}

  /** One generation attempt ended: {@link #OK}, {@link #REUSED} or the failure type. */
  public static void generation(Scope scope, String provider, String outcome, Duration took) {
    Scope tagged = scope.tagged(Map.of(PROVIDER, provider, OUTCOME, outcome));
    tagged.counter(IMAGES_GENERATED).inc(1);
    tagged.timer(GENERATION_LATENCY).record(com.uber.m3.util.Duration.ofNanos(took.toNanos()));
  }

  /** A ledger line: a request the provider may have charged for. */
  public static void cost(Scope scope, Charge charge) {
    long micros = Math.round(charge.usd() * 1_000_000);
    if (micros > 0) {
      scope
          .tagged(
              Map.of(
                  PROVIDER,
                  charge.provider(),
                  BILLING,
                  charge.billing().name().toLowerCase(Locale.ROOT),
                  OUTCOME,
                  charge.delivered() ? DELIVERED : LOST))
          .counter(PROVIDER_COST)
          .inc(micros);
    }
  }

  /** One finished image's checks. */
  public static void qaChecks(Scope scope, List<QaCheck> checks) {
    for (QaCheck check : checks) {
      scope
          .tagged(Map.of(CHECK, check.name(), OUTCOME, check.passed() ? PASSED : FAILED))
          .counter(QA_CHECKS)
          .inc(1);
    }
  }

  /** A wait for a human ended, with a decision or at the policy's timeout. */
  public static void humanWait(
      Scope scope, String decisionPoint, boolean decided, Duration waited) {
    scope
        .tagged(Map.of(DECISION_POINT, decisionPoint, OUTCOME, decided ? DECIDED : TIMED_OUT))
        .timer(HUMAN_WAIT)
        .record(com.uber.m3.util.Duration.ofNanos(waited.toNanos()));
  }
}
