package dev.facet.activities;

import com.uber.m3.tally.Scope;
import dev.facet.metrics.FacetMetrics;
import dev.facet.model.Candidate;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.function.Function;

/**
 * Times one generation attempt from its start and counts how it ended ({@link
 * FacetMetrics#generation}), on the activity's metrics scope. Only the first ending counts, so a
 * generator can name a specific outcome and still have a catch-all for any other failure.
 */
public final class GenerationMeter {

  private final Scope scope;
  private final String provider;
  private final long started = System.nanoTime();
  private boolean ended;

  private GenerationMeter(Scope scope, String provider) {
    this.scope = scope;
    this.provider = provider;
  }

  /**
   * Runs the current activity's generation on {@code provider} under a meter. A failure the
   * generation did not count itself (a reference gone from the store, say) is counted here.
   */
  public static Candidate measure(
      String provider, Function<GenerationMeter, Candidate> generation) {
    GenerationMeter meter =
        new GenerationMeter(Activity.getExecutionContext().getMetricsScope(), provider);
    try {
      return generation.apply(meter);
    } catch (RuntimeException e) {
      meter.failed(e);
      throw e;
    }
  }

  /** The attempt ended: {@link FacetMetrics#OK}, {@link FacetMetrics#REUSED} or a failure type. */
  public void ended(String outcome) {
    if (ended) {
      return;
    }
    ended = true;
    FacetMetrics.generation(
        scope, provider, outcome, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The attempt failed with {@code e}: its failure type, else the exception's class. */
  public void failed(RuntimeException e) {
    ended(
        e instanceof ApplicationFailure failure ? failure.getType() : e.getClass().getSimpleName());
  }
}
