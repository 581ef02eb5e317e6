package dev.facet.catalog;

import java.util.List;

/**
 * Where a catalog stands against its budget, in its progress.
 *
 * @param capUsd what its paid generations may cost at most
 * @param spentUsd what the finished shoots cost: their ledgers' total
 * @param reservedUsd what the shoots in progress may still cost at most: each shoot's own cap
 * @param held products not started because their shoot could pass the cap
 * @param heldSkus the first {@value CatalogProgress#AWAITING_LISTED} of them, in manifest order
 * @param nextUsd the least one of them may cost, which the cap must leave room for; null when none
 *     is held
 * @param reached whether paid products wait for the budget to be raised
 */
public record BudgetProgress(
    double capUsd,
    double spentUsd,
    double reservedUsd,
    int held,
    List<String> heldSkus,
    Double nextUsd,
    boolean reached) {

  public BudgetProgress {
    heldSkus = heldSkus == null ? List.of() : List.copyOf(heldSkus);
  }

  /** What the cap leaves for shoots not started yet. */
  public double leftUsd() {
    return Math.max(0, capUsd - spentUsd - reservedUsd);
  }
}
