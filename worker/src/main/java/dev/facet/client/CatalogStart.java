package dev.facet.client;

import dev.facet.manifest.ManifestFormat;
import dev.facet.shoot.ShootPolicy;

/**
 * What it takes to start a catalog: its id, its manifest (photos as object keys, already checked)
 * and how its products are decided.
 *
 * @param window products in progress at once; null for the configured default
 */
public record CatalogStart(
    String catalogId,
    ManifestFormat format,
    byte[] manifest,
    ShootPolicy.Approval approval,
    Integer window) {

  /**
   * The policy of every shoot: {@code auto} decides what the evidence clears and, when nobody
   * decides in time, takes the best candidate; {@code manual} waits for a reviewer.
   */
  public ShootPolicy policy() {
    return approval == ShootPolicy.Approval.AUTO ? ShootPolicy.auto() : ShootPolicy.defaults();
  }
}
