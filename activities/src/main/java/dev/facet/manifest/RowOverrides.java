package dev.facet.manifest;

import dev.facet.catalog.ShootOverrides;
import dev.facet.steps.Providers;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The optional columns with which a row overrides the catalog's policy for its own shoot: {@code
 * channels}, {@code providers} and {@code variants}. Here are the rules that hold wherever the
 * manifest comes from (well-formed names, a number of candidates in range); which channels exist
 * and which providers are served is for the start to check, where they are known.
 */
final class RowOverrides {

  static final List<String> COLUMNS = List.of("channels", "providers", "variants");

  private RowOverrides() {}

  /** The row's overrides, each problem added to {@code problems} in words that name the column. */
  static ShootOverrides check(
      List<String> channels, List<String> providers, String variants, List<String> problems) {
    Set<String> seen = new HashSet<>();
    for (String provider : providers) {
      Providers.problem(provider).ifPresent(problem -> problems.add("providers: " + problem));
      if (!seen.add(provider)) {
        problems.add("providers: '" + provider + "' is named twice");
      }
    }
    return new ShootOverrides(channels, providers, variants(variants, problems).orElse(null));
  }

  private static Optional<Integer> variants(String text, List<String> problems) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ManifestReader.parseVariants(text));
    } catch (IllegalArgumentException e) {
      problems.add("variants: " + e.getMessage() + ", not '" + text.strip() + "'");
    }
    return Optional.empty();
  }
}
