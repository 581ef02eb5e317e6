package dev.facet.shoot;

import dev.facet.model.ChannelImage;
import dev.facet.model.ImageRef;
import dev.facet.model.ProviderSpend;
import java.util.List;

/**
 * How a shoot ended.
 *
 * @param costUsd what the providers would bill: its ledger's total
 * @param spend its ledger summed per provider; empty in results recorded before it was
 */
public record ShootResult(
    String sku,
    Stage outcome,
    int rounds,
    List<ChannelImage> finals,
    ImageRef manifest,
    double costUsd,
    String failure,
    List<ProviderSpend> spend) {

  public ShootResult {
    spend = spend == null ? List.of() : List.copyOf(spend);
  }

  /** A result without a ledger: a free shoot's. */
  public ShootResult(
      String sku,
      Stage outcome,
      int rounds,
      List<ChannelImage> finals,
      ImageRef manifest,
      double costUsd,
      String failure) {
    this(sku, outcome, rounds, finals, manifest, costUsd, failure, List.of());
  }
}
