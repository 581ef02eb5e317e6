package dev.facet.catalog;

import dev.facet.shoot.ShootPolicy;
import dev.facet.steps.Providers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a shoot's first round makes and costs at list prices, before anything is paid: the one rule
 * the plan and a catalog's budget both count by. Pure, so the catalog workflow may use it.
 */
public final class ShootEstimate {

  private ShootEstimate() {}

  /**
   * Candidates each generator makes in the first round, in the chain's order: the chain's first
   * makes every one (a fallback makes only what those before it cannot, counted 0); in a bake-off
   * every generator makes every one.
   */
  public static Map<String, Integer> images(ShootPolicy policy, int shots) {
    int each = shots * policy.variants();
    Map<String, Integer> images = new LinkedHashMap<>();
    for (String generator : policy.providers()) {
      images.put(generator, policy.bakeoff() || images.isEmpty() ? each : 0);
    }
    return images;
  }

  /**
   * What the first round costs at {@code usdPerImage}. A routed chain may start with any of its
   * generators, so it is counted at the dearest.
   *
   * @param usdPerImage by generator name; a generator missing from it has no known price
   * @return USD, or null when a generator that makes images has no known price
   */
  public static Double firstRoundUsd(
      ShootPolicy policy, int shots, Map<String, Double> usdPerImage) {
    Map<String, Integer> images = images(policy, shots);
    if (policy.routing() != null && !policy.bakeoff()) {
      Double dearest = 0.0;
      for (String generator : policy.providers()) {
        Double price = price(generator, usdPerImage);
        if (price == null) {
          return null;
        }
        dearest = Math.max(dearest, price);
      }
      return dearest * shots * policy.variants();
    }
    double usd = 0;
    for (Map.Entry<String, Integer> made : images.entrySet()) {
      if (made.getValue() == 0) {
        continue;
      }
      Double price = price(made.getKey(), usdPerImage);
      if (price == null) {
        return null;
      }
      usd += price * made.getValue();
    }
    return usd;
  }

  /** The studio renderer costs nothing, whatever a table says; others cost what it says. */
  private static Double price(String generator, Map<String, Double> usdPerImage) {
    return Providers.STUDIO.equals(generator) ? Double.valueOf(0) : usdPerImage.get(generator);
  }

  /**
   * The most a shoot may cost: its first round at list prices, again for every round a rejection
   * may add, and never more than its own budget.
   *
   * @return USD, or null when a price is unknown
   */
  public static Double mostUsd(ShootPolicy policy, int shots, Map<String, Double> usdPerImage) {
    Double firstRound = firstRoundUsd(policy, shots, usdPerImage);
    if (firstRound == null) {
      return null;
    }
    double most = firstRound * policy.maxRounds();
    return policy.budgetUsd() == null ? most : Math.min(most, policy.budgetUsd());
  }
}
