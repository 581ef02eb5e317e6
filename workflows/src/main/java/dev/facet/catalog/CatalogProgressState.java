package dev.facet.catalog;

import dev.facet.model.ImageRef;
import dev.facet.model.ProviderSpend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a catalog knows, carried from one run to the next when it continues as new. Mutable on
 * purpose: one instance is the workflow's state; a copy goes into the next run's input.
 */
public final class CatalogProgressState {

  /** How many failure reasons are kept; the count goes on past it. */
  static final int FAILURES_KEPT = 200;

  public int total = -1;
  public int nextIndex;

  /** In-progress SKU → whether it waits for a human. */
  public Map<String, Boolean> inProgress = new LinkedHashMap<>();

  public int published;
  public int rejected;
  public int expired;
  public int failed;
  public int cancelled;
  public List<ProductFailure> failures = new ArrayList<>();
  public double costUsd;

  /** The shoots' ledgers summed per provider. */
  public List<ProviderSpend> spend = new ArrayList<>();

  public long startedAtMillis;
  public int runs = 1;
  public boolean paused;
  public boolean cancelling;
  public ImageRef styleReference;

  /**
   * The catalog's budget in US dollars, raised by the {@code raiseBudget} update; null for none.
   */
  public Double budgetUsd;

  /** In-progress SKU → what its shoot may cost at most, under a budget. */
  public Map<String, Double> reservedUsd = new LinkedHashMap<>();

  /** Products not started because their shoot could pass the budget, in manifest order. */
  public List<HeldProduct> held = new ArrayList<>();

  int finished() {
    return published + rejected + expired + failed + cancelled;
  }

  long awaitingHuman() {
    return inProgress.values().stream().filter(Boolean::booleanValue).count();
  }

  long active() {
    return inProgress.size() - awaitingHuman();
  }

  void fail(String sku, String reason) {
    failed++;
    if (failures.size() < FAILURES_KEPT) {
      failures.add(new ProductFailure(sku, reason));
    }
  }
}
