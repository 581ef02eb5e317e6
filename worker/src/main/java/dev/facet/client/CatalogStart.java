package dev.facet.client;

import dev.facet.manifest.ManifestFormat;
import dev.facet.shoot.ShootPolicy;
import java.util.List;

/**
 * What it takes to start a catalog: its id, its manifest (photos as object keys, already checked)
 * and how its products are decided.
 *
 * @param window products in progress at once; null for the configured default
 * @param bakeoffProviders for a bake-off, the providers every shot is made by; null or empty for none
 */
public record CatalogStart(
    String catalogId,
    ManifestFormat format,
    byte[] manifest,
    ShootPolicy.Approval approval,
    Integer window,
    List<String> bakeoffProviders) {

  /** A catalog without a bake-off. */
  public CatalogStart(String catalogId, ManifestFormat format, byte[] manifest,
      ShootPolicy.Approval approval, Integer window) {
    this(catalogId, format, manifest, approval, window, null);
  }

  /**
   * The policy of every shoot: {@code auto} decides what the evidence clears and, when nobody
   * decides in time, takes the best candidate; {@code manual} waits for a reviewer.
   */
  public ShootPolicy policy() {
    ShootPolicy policy = approval == ShootPolicy.Approval.AUTO ? ShootPolicy.auto() : ShootPolicy.defaults();
    if (bakeoffProviders == null || bakeoffProviders.isEmpty()) {
      return policy;
    }
    // Every product's shots made by every provider: the catalog is the bake-off's sample.
    return new ShootPolicy(policy.approval(), policy.autoThreshold(), policy.humanTimeout(),
        policy.onTimeout(), policy.variants(), policy.maxRounds(), policy.channels(),
        bakeoffProviders, policy.budgetUsd(), true, null);
  }
}
