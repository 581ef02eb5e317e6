package dev.facet.app.run;

import dev.facet.app.catalog.CatalogClient;
import dev.facet.app.catalog.CatalogUnavailableException;
import dev.facet.app.shoot.ShootClient;
import dev.facet.app.shoot.ShootNotFoundException;
import dev.facet.app.shoot.ShootUnavailableException;
import dev.facet.catalog.CatalogProgress;
import dev.facet.catalog.CatalogResult;
import dev.facet.shoot.ShootState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows a running catalog until it ends: its progress query every second, and the state of a few
 * of its products in progress per second (a catalog may have hundreds at once), telling reviewers
 * how to decide on each product that waits for them.
 */
final class CatalogWatch {

  private static final Duration POLL = Duration.ofSeconds(1);

  /** Shoot state queries per poll, so following a catalog stays light on Temporal. */
  static final int STATES_PER_POLL = 8;

  private final CatalogClient catalogs;
  private final ShootClient shoots;
  private final CatalogBoard board;
  private final ReviewInstructions help;
  private final BudgetNotice budgetNotice;
  private final Map<String, TrackedProduct> active = new LinkedHashMap<>();

  /** Products seen started, so each is tracked once. */
  private final Set<String> started = new HashSet<>();

  /** Whether the catalog was holding products at its budget when last polled. */
  private boolean atBudget;

  CatalogWatch(
      CatalogClient catalogs,
      ShootClient shoots,
      CatalogBoard board,
      ReviewInstructions help,
      BudgetNotice budgetNotice) {
    this.catalogs = catalogs;
    this.shoots = shoots;
    this.board = board;
    this.help = help;
    this.budgetNotice = budgetNotice;
  }

  /**
   * @param order the manifest's SKUs in its order, which is the order products start in
   * @throws ExecutionException when the catalog workflow fails
   */
  CatalogResult follow(String catalogId, List<String> order) throws ExecutionException {
    CompletableFuture<CatalogResult> result = catalogs.result(catalogId);
    while (!result.isDone()) {
      try {
        CatalogProgress progress = catalogs.progress(catalogId);
        Instant now = Instant.now();
        trackStarted(progress, order, now);
        noticeBudget(catalogId, progress);
        observe(catalogId, progress, now);
        board.draw(progress, List.copyOf(active.values()), now);
        active.values().removeIf(TrackedProduct::finished);
      } catch (CatalogUnavailableException e) {
        board.message("The catalog does not answer yet: " + e.getMessage());
      }
      await(result);
    }
    try {
      CatalogResult done = result.get();
      board.draw(done.progress(), List.of(), Instant.now());
      return done;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while following the catalog", e);
    }
  }

  /**
   * Products are taken in manifest order, so the first (total − queued + held) of it have been
   * taken; all of them have started but those held at the budget.
   */
  private void trackStarted(CatalogProgress progress, List<String> order, Instant now) {
    Set<String> held =
        progress.budget() == null ? Set.of() : new HashSet<>(progress.budget().heldSkus());
    int taken =
        progress.total()
            - progress.queued()
            + (progress.budget() == null ? 0 : progress.budget().held());
    for (String sku : order.subList(0, Math.min(order.size(), Math.max(0, taken)))) {
      if (sku != null && !held.contains(sku) && started.add(sku)) {
        active.put(sku, new TrackedProduct(sku, now));
      }
    }
  }

  /** Says once, each time the catalog comes to hold products at its budget, how to go on. */
  private void noticeBudget(String catalogId, CatalogProgress progress) {
    boolean reached = progress.budget() != null && progress.budget().reached();
    if (reached && !atBudget) {
      board.message(budgetNotice.explain(catalogId, progress.budget()));
    }
    atBudget = reached;
  }

  /** Waiting products not yet explained first, then those looked at longest ago. */
  private void observe(String catalogId, CatalogProgress progress, Instant now) {
    List<TrackedProduct> next = new ArrayList<>(active.values());
    next.sort(
        Comparator.comparing((TrackedProduct p) -> !progress.awaiting().contains(p.sku()))
            .thenComparing(TrackedProduct::observedAt));
    for (TrackedProduct product : next.subList(0, Math.min(STATES_PER_POLL, next.size()))) {
      try {
        ShootState state = shoots.state(product.sku());
        if (!state.catalogId().equals(catalogId)) {
          // A shoot of this SKU from elsewhere; this catalog's has not started yet.
          product.skipped(now);
          continue;
        }
        product.observed(state, now);
        if (state.awaitingHuman() && product.firstSight(state.stage(), state.round())) {
          board.message(help.explain(state, shoots.latest(product.sku()).runId()));
        }
      } catch (ShootNotFoundException | ShootUnavailableException e) {
        product.skipped(now);
      }
    }
  }

  /** Waits up to one poll interval, less when the catalog ends sooner. */
  private static void await(CompletableFuture<CatalogResult> result) {
    try {
      result.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Time to poll again, or the catalog ended: the loop looks at it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while following the catalog", e);
    }
  }
}
