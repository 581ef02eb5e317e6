package dev.facet.generators;

import dev.facet.steps.Providers;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which generators this process's workers serve, so a shoot asking for a provider without a key is
 * refused at the start instead of waiting on a task queue nobody polls. An API-only process cannot
 * know what the workers elsewhere serve, and refuses nothing.
 */
public final class ServedProviders {

  private final Set<String> served;

  private ServedProviders(Set<String> served) {
    this.served = served;
  }

  /** The studio renderer and the paid generators this process's workers run. */
  public static ServedProviders here(ProviderGenerators paid) {
    Set<String> served = new HashSet<>(paid.byProvider().keySet());
    served.add(Providers.STUDIO);
    return new ServedProviders(Set.copyOf(served));
  }

  /** For an API-only process: the workers run elsewhere. */
  public static ServedProviders elsewhere() {
    return new ServedProviders(Set.copyOf(Providers.ALL));
  }

  /** A problem per known provider in the chain that is not served; unknown names are not mine. */
  public List<String> problems(List<String> chain) {
    return chain.stream()
        .filter(name -> Providers.ALL.contains(name) && !served.contains(name))
        .distinct()
        .map(
            name ->
                "policy.providers names '"
                    + name
                    + "', but no API key is configured for it: set FACET_PROVIDERS_"
                    + name.toUpperCase(Locale.ROOT)
                    + "_API_KEY and restart, or leave '"
                    + name
                    + "' out")
        .toList();
  }
}
