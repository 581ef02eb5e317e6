package dev.facet.catalog;

import dev.facet.model.ImageRef;
import dev.facet.model.ProviderSpend;
import dev.facet.shoot.Stage;
import java.util.List;

/**
 * What a product shoot tells its catalog: that it now waits for (or no longer waits for) a human,
 * or how it ended.
 *
 * @param stage the shoot's stage; a finished stage ends the product
 * @param costUsd what the providers would bill so far: the shoot's ledger total
 * @param failure why it failed, or null
 * @param heroImage for a published shoot: the approved image of its first shot, which becomes the
 *     collection's style reference; otherwise null
 * @param spend the shoot's ledger summed per provider; empty from shoots that predate it
 */
public record ShootUpdate(
    String sku,
    Stage stage,
    double costUsd,
    String failure,
    ImageRef heroImage,
    List<ProviderSpend> spend) {

  public ShootUpdate {
    spend = spend == null ? List.of() : List.copyOf(spend);
  }

  /** An update without a ledger: a free shoot's. */
  public ShootUpdate(String sku, Stage stage, double costUsd, String failure, ImageRef heroImage) {
    this(sku, stage, costUsd, failure, heroImage, List.of());
  }
}
