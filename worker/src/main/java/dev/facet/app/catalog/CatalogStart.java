package dev.facet.app.catalog;

import dev.facet.app.policy.ShootChoices;
import dev.facet.manifest.ManifestFormat;
import dev.facet.model.StyleGuide;
import dev.facet.shoot.ShootPolicy;

/**
 * What it takes to start a catalog: its id, its manifest (photos as object keys, already checked)
 * and what the seller chose about its shoots.
 *
 * @param window products in progress at once; null for the configured default
 * @param budgetUsd what the catalog's paid generations may cost at most, in US dollars; null for no
 *     cap
 */
public record CatalogStart(
    String catalogId,
    ManifestFormat format,
    byte[] manifest,
    ShootChoices choices,
    Integer window,
    Double budgetUsd) {

  public CatalogStart {
    choices = choices == null ? ShootChoices.none() : choices;
  }

  /** A catalog without a budget. */
  public CatalogStart(
      String catalogId,
      ManifestFormat format,
      byte[] manifest,
      ShootChoices choices,
      Integer window) {
    this(catalogId, format, manifest, choices, window, null);
  }

  /** A catalog whose shoots take the defaults but for their approval. */
  public CatalogStart(
      String catalogId,
      ManifestFormat format,
      byte[] manifest,
      ShootPolicy.Approval approval,
      Integer window) {
    this(catalogId, format, manifest, ShootChoices.none().withApproval(approval), window);
  }

  /** The policy of every shoot, as chosen: {@link ShootChoices#policy()}. */
  public ShootPolicy policy() {
    return choices.policy();
  }

  public StyleGuide style() {
    return choices.style();
  }
}
