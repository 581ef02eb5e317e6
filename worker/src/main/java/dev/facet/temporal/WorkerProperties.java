package dev.facet.temporal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What this process polls for.
 *
 * @param enabled whether this process runs workers; {@code serve} without workers is an API-only
 *     node
 * @param generators limits per generation provider, by provider name
 */
@ConfigurationProperties("facet.worker")
public record WorkerProperties(
    @DefaultValue("true") boolean enabled, Map<String, GeneratorLimits> generators) {

  public WorkerProperties {
    generators = generators == null ? Map.of() : Map.copyOf(generators);
  }

  /**
   * @param maxConcurrent generations this worker runs at once; the number of processors when
   *     empty, which suits the CPU-bound studio renderer
   * @param maxPerSecond generations per second across every worker of the provider's task queue,
   *     enforced by the Temporal server; unlimited when empty
   */
  public record GeneratorLimits(Integer maxConcurrent, Double maxPerSecond) {}

  public GeneratorLimits limitsFor(String provider) {
    GeneratorLimits configured = generators.getOrDefault(provider, new GeneratorLimits(null, null));
    int maxConcurrent =
        configured.maxConcurrent() != null
            ? configured.maxConcurrent()
            : Runtime.getRuntime().availableProcessors();
    return new GeneratorLimits(maxConcurrent, configured.maxPerSecond());
  }
}
