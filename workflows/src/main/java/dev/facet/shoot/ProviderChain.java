package dev.facet.shoot;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which generator makes the next image: the policy's providers in order, minus those that failed
 * for good in this shoot (credentials refused, out of credit), and — once the budget is spent —
 * minus every paid one. Workflow state: deterministic, no I/O.
 */
final class ProviderChain {

  /** Generators that cost nothing per image. */
  static final Set<String> FREE = Set.of("studio");

  private final List<String> providers;
  private final Double budgetUsd;
  private final Set<String> dead = new LinkedHashSet<>();

  /** The dearest image seen per provider: what a call in flight is assumed to cost. */
  private final Map<String, Double> unitCost = new HashMap<>();

  private final Map<String, Integer> inFlight = new HashMap<>();
  private double reservedUsd;
  private double spentUsd;

  ProviderChain(List<String> providers, Double budgetUsd) {
    this.providers = List.copyOf(providers);
    this.budgetUsd = budgetUsd;
  }

  /** The first usable provider, or null when none is. */
  String first() {
    return after(null);
  }

  /** The next usable provider after {@code provider} in the chain, or null when none is. */
  String after(String provider) {
    int from = provider == null ? 0 : providers.indexOf(provider) + 1;
    for (String candidate : providers.subList(from, providers.size())) {
      if (usable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Whether {@code provider} may make an image now: not retired, and within the budget. */
  boolean usable(String provider) {
    return !dead.contains(provider) && affordable(provider);
  }

  /**
   * Whether the budget rule can judge a call to {@code provider} now. Under a budget, a paid
   * provider's first call goes alone: until one image is priced, parallel calls could overshoot.
   */
  boolean canJudge(String provider) {
    return FREE.contains(provider)
        || budgetUsd == null
        || unitCost.containsKey(provider)
        || inFlight.getOrDefault(provider, 0) == 0;
  }

  /** Whether a paid call may start: money spent plus calls in flight stay under the budget. */
  boolean affordable(String provider) {
    return FREE.contains(provider)
        || budgetUsd == null
        || spentUsd + reservedUsd + unitCost.getOrDefault(provider, 0.0) <= budgetUsd;
  }

  void reserve(String provider) {
    inFlight.merge(provider, 1, Integer::sum);
    reservedUsd += unitCost.getOrDefault(provider, 0.0);
  }

  /** Releases the reservation of a call that made an image, and learns what one costs. */
  void settle(String provider, double costUsd) {
    release(provider, costUsd);
    unitCost.merge(provider, costUsd, Math::max);
  }

  /** Releases the reservation of a call that failed after being charged {@code costUsd}. */
  void release(String provider, double costUsd) {
    inFlight.merge(provider, -1, Integer::sum);
    reservedUsd = Math.max(0, reservedUsd - unitCost.getOrDefault(provider, 0.0));
    spentUsd += costUsd;
  }

  void retire(String provider) {
    dead.add(provider);
  }
}
