package dev.facet.catalog;

import dev.facet.model.ProviderSpend;
import java.util.List;

/**
 * A catalog's progress, returned by the {@code progress} query.
 *
 * @param queued products not started yet, those held at the budget included
 * @param inProgress products being shot, awaiting humans included
 * @param awaitingHuman products parked for a reviewer (they do not take a window slot)
 * @param awaiting the SKUs of those products, the first {@value #AWAITING_LISTED} of them
 * @param failures the first failures with their reasons
 * @param etaSeconds expected seconds to finish at the throughput so far, or -1 while unknown
 * @param costUsd what the providers would bill for the finished shoots: their ledgers' total
 * @param runs workflow runs so far (continue-as-new)
 * @param spend the finished shoots' ledgers summed per provider: paid and delivered, paid and lost
 * @param budget where the catalog stands against its budget; null for a catalog without one
 */
public record CatalogProgress(
    String catalogId,
    String status,
    int total,
    int queued,
    int inProgress,
    int awaitingHuman,
    List<String> awaiting,
    int published,
    int rejected,
    int expired,
    int failed,
    int cancelled,
    List<ProductFailure> failures,
    double costUsd,
    long etaSeconds,
    int runs,
    List<ProviderSpend> spend,
    BudgetProgress budget) {

  /** Bounds the list, which also travels in the history as the result of every update. */
  public static final int AWAITING_LISTED = 200;

  public CatalogProgress {
    // Absent from the progress of catalogs that ran before the list existed.
    awaiting = awaiting == null ? List.of() : List.copyOf(awaiting);
    spend = spend == null ? List.of() : List.copyOf(spend);
  }

  /** The progress of a catalog without a budget. */
  public CatalogProgress(
      String catalogId,
      String status,
      int total,
      int queued,
      int inProgress,
      int awaitingHuman,
      List<String> awaiting,
      int published,
      int rejected,
      int expired,
      int failed,
      int cancelled,
      List<ProductFailure> failures,
      double costUsd,
      long etaSeconds,
      int runs,
      List<ProviderSpend> spend) {
    this(
        catalogId,
        status,
        total,
        queued,
        inProgress,
        awaitingHuman,
        awaiting,
        published,
        rejected,
        expired,
        failed,
        cancelled,
        failures,
        costUsd,
        etaSeconds,
        runs,
        spend,
        null);
  }
}
