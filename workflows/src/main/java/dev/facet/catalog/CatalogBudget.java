package dev.facet.catalog;

import dev.facet.shoot.ShootPolicy;
import java.util.List;
import java.util.Map;

/**
 * A catalog's budget: which products may start, held ones included. Each paid product reserves what
 * its shoot may cost at most ({@link ShootEstimate#mostUsd}: its first round at list prices, again
 * for every round a rejection may add) and its shoot is capped there, so what the catalog spends
 * never passes its cap; a finished shoot's ledger total replaces its reservation. A free product
 * (the studio renderer) reserves nothing and is never held. Workflow state: deterministic.
 */
final class CatalogBudget {

  /** Cents of a cent: sums of prices are not exact in binary. */
  private static final double ROUNDING = 1e-9;

  private final CatalogProgressState state;
  private final Map<String, Double> usdPerImage;
  private final int shots;

  CatalogBudget(CatalogProgressState state, Map<String, Double> usdPerImage, int shots) {
    this.state = state;
    this.usdPerImage = usdPerImage;
    this.shots = shots;
  }

  /** What a shoot under {@code policy} may cost at most; null when a price is unknown. */
  Double mostUsd(ShootPolicy policy) {
    return ShootEstimate.mostUsd(policy, shots, usdPerImage);
  }

  /** Whether a product that may cost {@code usd} may start now. */
  boolean fits(double usd) {
    return usd <= 0 || committedUsd() + usd <= state.budgetUsd + ROUNDING;
  }

  /** The first held product that may start now, or null. */
  HeldProduct firstFitting() {
    for (HeldProduct product : state.held) {
      if (fits(product.usd())) {
        return product;
      }
    }
    return null;
  }

  void hold(HeldProduct product) {
    state.held.add(product);
  }

  void release(HeldProduct product) {
    state.held.remove(product);
  }

  void reserve(String sku, double usd) {
    if (usd > 0) {
      state.reservedUsd.put(sku, usd);
    }
  }

  /** The shoot has ended: what it cost is in {@code state.costUsd}, its reservation goes. */
  void settle(String sku) {
    state.reservedUsd.remove(sku);
  }

  /** Raises the cap. */
  void raise(double usd) {
    state.budgetUsd = usd;
  }

  /** Spent by finished shoots plus reserved by those in progress. */
  double committedUsd() {
    return state.costUsd + reservedUsd();
  }

  private double reservedUsd() {
    return state.reservedUsd.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Whether paid products wait for more budget. */
  boolean reached() {
    return !state.held.isEmpty();
  }

  BudgetProgress progress() {
    List<String> skus =
        state.held.stream().map(HeldProduct::sku).limit(CatalogProgress.AWAITING_LISTED).toList();
    Double next = state.held.stream().map(HeldProduct::usd).min(Double::compare).orElse(null);
    return new BudgetProgress(
        state.budgetUsd, state.costUsd, reservedUsd(), state.held.size(), skus, next, reached());
  }
}
