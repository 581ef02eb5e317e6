package dev.facet.catalog;

import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a catalog stands, as its {@code progress} query answers and its Web UI details say: the
 * counts, the status, who awaits a reviewer, an ETA and the budget. It reads the catalog's state
 * and changes nothing.
 */
final class CatalogStatus {

  private final CatalogRequest request;
  private final CatalogProgressState state;

  /** Null for a catalog without a budget. */
  private final CatalogBudget budget;

  CatalogStatus(CatalogRequest request, CatalogProgressState state, CatalogBudget budget) {
    this.request = request;
    this.state = state;
    this.budget = budget;
  }

  /** Every product has its outcome: none is left to read, held or in progress. */
  boolean finished() {
    return state.nextIndex >= state.total && state.inProgress.isEmpty() && state.held.isEmpty();
  }

  CatalogProgress progress() {
    int queued = Math.max(0, state.total - state.nextIndex) + state.held.size();
    return new CatalogProgress(
        request.catalogId(),
        status(),
        Math.max(state.total, 0),
        queued,
        state.inProgress.size(),
        (int) state.awaitingHuman(),
        awaitingSkus(),
        state.published,
        state.rejected,
        state.expired,
        state.failed,
        state.cancelled,
        List.copyOf(state.failures),
        state.costUsd,
        etaSeconds(queued + state.inProgress.size()),
        state.runs,
        state.spend,
        budget == null ? null : budget.progress());
  }

  private List<String> awaitingSkus() {
    return state.inProgress.entrySet().stream()
        .filter(Map.Entry::getValue)
        .map(Map.Entry::getKey)
        .limit(CatalogProgress.AWAITING_LISTED)
        .toList();
  }

  private String status() {
    if (state.cancelling) {
      return state.inProgress.isEmpty() ? "cancelled" : "cancelling";
    }
    if (state.total >= 0 && finished()) {
      return "finished";
    }
    if (state.paused) {
      return "paused";
    }
    return budget != null && budget.reached() ? "budget reached" : "running";
  }

  /** Remaining products at the throughput so far; unknown until one has finished. */
  private long etaSeconds(int remaining) {
    long elapsed = Workflow.currentTimeMillis() - state.startedAtMillis;
    int finished = state.finished();
    if (finished == 0 || elapsed <= 0) {
      return remaining == 0 ? 0 : -1;
    }
    return Math.round(remaining * (elapsed / 1000.0) / finished);
  }

  /** Says where the catalog stands in the Web UI: the workflow's current details. */
  void describe() {
    CatalogProgress p = progress();
    Workflow.setCurrentDetails(
        "**catalog "
            + request.catalogId()
            + "** ("
            + p.status()
            + "): "
            + state.finished()
            + " of "
            + p.total()
            + " done, "
            + p.inProgress()
            + " in progress ("
            + p.awaitingHuman()
            + " awaiting a reviewer), "
            + p.failed()
            + " failed"
            + budgetWords(p.budget()));
  }

  /** "; budget $20.00, $18.40 spent or reserved, 3 products held: raise it with raiseBudget". */
  private static String budgetWords(BudgetProgress budget) {
    if (budget == null) {
      return "";
    }
    String words =
        String.format(
            Locale.ROOT,
            "; budget $%.2f, $%.2f spent or reserved",
            budget.capUsd(),
            budget.spentUsd() + budget.reservedUsd());
    if (budget.reached()) {
      words +=
          String.format(
              Locale.ROOT,
              ", %d %s held (the next needs $%.2f): raise it with the raiseBudget update",
              budget.held(),
              budget.held() == 1 ? "product" : "products",
              budget.nextUsd());
    }
    return words;
  }
}
