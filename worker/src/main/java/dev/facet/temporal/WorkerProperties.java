package dev.facet.temporal;

import dev.facet.steps.Providers;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What this process polls for.
 *
 * @param enabled whether this process runs workers; {@code serve} without workers is an API-only
 *     node
 * @param generators limits per generation provider, by provider name
 * @param steps how many of the other steps (capture, scoring, post-processing, QA, publishing) this
 *     worker runs at once on the shoot queue; the number of processors when empty. They decode and
 *     analyse full-size photos: unbounded, a catalog's window of shoots starting together runs out
 *     of heap in the capture step.
 */
@ConfigurationProperties("facet.worker")
public record WorkerProperties(
    @DefaultValue("true") boolean enabled,
    Map<String, GeneratorLimits> generators,
    StepLimits steps) {

  public WorkerProperties {
    generators = generators == null ? Map.of() : Map.copyOf(generators);
    steps = steps == null ? new StepLimits(null) : steps;
  }

  /**
   * @param maxConcurrent step activities this worker runs at once; processors when empty
   */
  public record StepLimits(Integer maxConcurrent) {}

  /** Step activities at once on the shoot queue: configured, else the number of processors. */
  public int stepsMaxConcurrent() {
    return steps.maxConcurrent() != null
        ? steps.maxConcurrent()
        : Runtime.getRuntime().availableProcessors();
  }

  /**
   * @param maxConcurrent generations this worker runs at once; when empty, 24 for FLUX, 4 for
   *     OpenAI and the number of processors for the CPU-bound studio renderer
   * @param maxPerSecond generations per second across every worker of the provider's task queue,
   *     enforced by the Temporal server; unlimited when empty
   */
  public record GeneratorLimits(Integer maxConcurrent, Double maxPerSecond) {}

  /**
   * Generations at once per worker when not configured: BFL runs 24 tasks per account at once; an
   * OpenAI call holds its connection for the whole generation, and images-per-minute limits are low
   * (5 at tier 1), so a few suffice; the studio renderer is CPU-bound.
   */
  private static final Map<String, Integer> DEFAULT_MAX_CONCURRENT =
      Map.of(Providers.FLUX, 24, Providers.OPENAI, 4);

  public GeneratorLimits limitsFor(String provider) {
    GeneratorLimits configured = generators.getOrDefault(provider, new GeneratorLimits(null, null));
    int maxConcurrent =
        configured.maxConcurrent() != null
            ? configured.maxConcurrent()
            : DEFAULT_MAX_CONCURRENT.getOrDefault(
                provider, Runtime.getRuntime().availableProcessors());
    return new GeneratorLimits(maxConcurrent, configured.maxPerSecond());
  }
}
