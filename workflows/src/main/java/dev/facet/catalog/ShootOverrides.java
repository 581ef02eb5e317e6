package dev.facet.catalog;

import dev.facet.shoot.ShootPolicy;
import java.util.List;

/**
 * What one catalog row changes about its shoot's policy: its own channels, provider chain or
 * candidates per shot, so one file can mix pieces for different shops. What a row leaves out keeps
 * the catalog's policy.
 *
 * @param channels channel presets, empty to keep the catalog's
 * @param providers the generator chain, first choice first; empty to keep the catalog's
 * @param variants candidates per shot, null to keep the catalog's
 */
public record ShootOverrides(List<String> channels, List<String> providers, Integer variants) {

  /** A row that changes nothing. */
  public static final ShootOverrides NONE = new ShootOverrides(List.of(), List.of(), null);

  public ShootOverrides {
    channels = channels == null ? List.of() : List.copyOf(channels);
    providers = providers == null ? List.of() : List.copyOf(providers);
  }

  /** Whether the row changes nothing. */
  public boolean none() {
    return channels.isEmpty() && providers.isEmpty() && variants == null;
  }

  /**
   * The catalog's {@code policy} with these overrides, the one rule for merging them: every shoot
   * of a catalog, the plan and the budget's estimate go through here.
   *
   * @throws IllegalArgumentException when {@link ShootPolicy} refuses the result
   */
  public ShootPolicy over(ShootPolicy policy) {
    if (none()) {
      return policy;
    }
    return new ShootPolicy(
        policy.approval(),
        policy.autoThreshold(),
        policy.humanTimeout(),
        policy.onTimeout(),
        variants == null ? policy.variants() : variants,
        policy.maxRounds(),
        channels.isEmpty() ? policy.channels() : channels,
        providers.isEmpty() ? policy.providers() : providers,
        policy.budgetUsd(),
        policy.bakeoff(),
        policy.routing());
  }

  /** These overrides with {@code channels} instead: the presets' own names for aliases. */
  public ShootOverrides withChannels(List<String> channels) {
    return new ShootOverrides(channels, providers, variants);
  }
}
