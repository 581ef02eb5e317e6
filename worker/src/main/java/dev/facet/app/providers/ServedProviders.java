package dev.facet.app.providers;

import dev.facet.providers.PaidGenerator;
import dev.facet.steps.Providers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which generators this process's workers serve, so a shoot asking for a provider without a key, or
 * for a model its provider cannot run, is refused at the start instead of failing later. An
 * API-only process cannot know what the workers elsewhere serve, and refuses nothing.
 */
public final class ServedProviders {

  /** The paid generators served here, by provider; null when the workers run elsewhere. */
  private final Map<String, PaidGenerator> paid;

  private ServedProviders(Map<String, PaidGenerator> paid) {
    this.paid = paid;
  }

  /** The studio renderer and the paid generators this process's workers run. */
  public static ServedProviders here(ProviderGenerators paid) {
    return new ServedProviders(paid.byProvider());
  }

  /** For an API-only process: the workers run elsewhere. */
  public static ServedProviders elsewhere() {
    return new ServedProviders(null);
  }

  /** A problem per known name in the chain that is not served; unknown providers are not mine. */
  public List<String> problems(List<String> chain) {
    return problems(chain, "policy.providers");
  }

  /**
   * As {@link #problems(List)}, each message naming the chain as {@code field} does: {@code
   * policy.providers}, or a catalog row's {@code providers}.
   */
  public List<String> problems(List<String> chain, String field) {
    List<String> problems = new ArrayList<>();
    if (paid == null) {
      return problems;
    }
    chain.stream()
        .filter(name -> Providers.problem(name).isEmpty())
        .distinct()
        .forEach(name -> problem(name, field).ifPresent(problems::add));
    return problems;
  }

  private Optional<String> problem(String name, String field) {
    String provider = Providers.providerOf(name);
    if (provider.equals(Providers.STUDIO)) {
      return Optional.empty();
    }
    PaidGenerator generator = paid.get(provider);
    if (generator == null) {
      return Optional.of(
          field
              + " names '"
              + name
              + "', but no API key is configured for "
              + provider
              + ": set FACET_PROVIDERS_"
              + provider.toUpperCase(Locale.ROOT)
              + "_API_KEY and restart, or leave '"
              + name
              + "' out");
    }
    return Providers.modelOf(name)
        .flatMap(generator::modelProblem)
        .map(problem -> field + " names '" + name + "': " + problem);
  }
}
