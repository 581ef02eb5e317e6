package dev.facet.steps;

import com.uber.m3.tally.Scope;
import dev.facet.metrics.FacetMetrics;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;

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

  /** Starts timing the current activity's generation on {@code provider}. */
  public static GenerationMeter start(String provider) {
    return new GenerationMeter(Activity.getExecutionContext().getMetricsScope(), provider);
  }

  /** The attempt ended: {@link FacetMetrics#OK}, {@link FacetMetrics#REUSED} or a failure type. */
  public void ended(String outcome) {
    if (ended) {
      return;
    }
    ended = true;
    FacetMetrics.generation(scope, provider, outcome, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The attempt failed with {@code e}: its failure type, else the exception's class. */
  public void failed(RuntimeException e) {
    ended(e instanceof ApplicationFailure failure ? failure.getType() : e.getClass().getSimpleName());
  }
}
