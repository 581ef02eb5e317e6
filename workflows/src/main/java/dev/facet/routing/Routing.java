package dev.facet.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the provider chain of one shoot. A pure function of its inputs: the same category, report
 * rows and draw always give the same decision, so it can run inside a workflow.
 */
public final class Routing {

  /** No rule for the category: the shoot's own {@code providers}. */
  public static final String SHOOT_ORDER = "shoot-order";

  /** The category's configured provider order. */
  public static final String CATEGORY_ORDER = "category-order";

  /** {@code auto}: the cheapest provider per accepted image among those above the floor. */
  public static final String AUTO_CHEAPEST = "auto-cheapest";

  /** {@code auto}: a provider still short of the minimum sample gets the shoot. */
  public static final String AUTO_SAMPLING = "auto-sampling";

  /** {@code auto}: the draw fell in the exploration share; another provider gets the shoot. */
  public static final String AUTO_EXPLORE = "auto-explore";

  /**
   * {@code auto}: every provider is sampled and none clears the floor; the most faithful, by the
   * share passing every fidelity check, then by the mean pass rate of each.
   */
  public static final String AUTO_BELOW_FLOOR = "auto-below-floor";

  private Routing() {}

  /**
   * @param providers the shoot's configured providers: the fallback chain, and {@code auto}'s pool
   * @param stats the report's rows for {@code category} (providers without a row have no data)
   * @param draw uniform in [0, 1), drawn once per shoot
   */
  public static RoutingDecision choose(
      String category,
      List<String> providers,
      RoutingPolicy policy,
      List<ProviderStats> stats,
      double draw) {
    Map.Entry<String, String> rule = policy.ruleFor(category);
    if (rule == null) {
      return decision(
          category,
          SHOOT_ORDER,
          providers,
          providers,
          "no routing rule for " + category + ": the shoot's providers in order",
          draw,
          List.of());
    }
    if (!rule.getValue().equals(RoutingPolicy.AUTO)) {
      List<String> order = RoutingPolicy.order(rule.getValue());
      return decision(
          category,
          CATEGORY_ORDER,
          order,
          providers,
          "rule '" + rule.getKey() + "': " + String.join(", ", order),
          draw,
          List.of());
    }
    List<ProviderStats> evidence = providers.stream().map(p -> statsOf(p, stats)).toList();
    return auto(category, providers, policy, evidence, draw);
  }

  private static RoutingDecision auto(
      String category,
      List<String> pool,
      RoutingPolicy policy,
      List<ProviderStats> evidence,
      double draw) {
    Optional<ProviderStats> cheapest =
        evidence.stream()
            .filter(s -> s.judged() >= policy.minSample())
            .filter(s -> s.fidelityPassRate() >= policy.fidelityFloor())
            .min(Comparator.comparingDouble(Routing::costPerAccepted)); // first wins ties
    if (cheapest.isPresent()) {
      ProviderStats best = cheapest.get();
      List<String> others = pool.stream().filter(p -> !p.equals(best.provider())).toList();
      if (!others.isEmpty() && draw < policy.exploreShare()) {
        // The draw spreads uniformly over the others: which one is explored is part of the draw.
        String explored =
            others.get(
                (int) Math.min(others.size() - 1, draw / policy.exploreShare() * others.size()));
        return decision(
            category,
            AUTO_EXPLORE,
            List.of(explored),
            pool,
            String.format(
                Locale.ROOT,
                "draw %.3f < explore share %.2f: exploring %s instead of %s",
                draw,
                policy.exploreShare(),
                explored,
                best.provider()),
            draw,
            evidence);
      }
      return decision(
          category,
          AUTO_CHEAPEST,
          List.of(best.provider()),
          pool,
          String.format(
              Locale.ROOT,
              "%s: %s per accepted image, fidelity %.0f%% >= floor %.0f%% over %d judged images",
              best.provider(),
              best.costPerAcceptedUsd() == null
                  ? "no image accepted yet, so no price"
                  : String.format(Locale.ROOT, "$%.4f", best.costPerAcceptedUsd()),
              100 * best.fidelityPassRate(),
              100 * policy.fidelityFloor(),
              best.judged()),
          draw,
          evidence);
    }
    Optional<ProviderStats> unsampled =
        evidence.stream().filter(s -> s.judged() < policy.minSample()).findFirst();
    if (unsampled.isPresent()) {
      ProviderStats s = unsampled.get();
      return decision(
          category,
          AUTO_SAMPLING,
          List.of(s.provider()),
          pool,
          String.format(
              Locale.ROOT,
              "%s has %d of the %d judged images needed before its numbers count%s",
              s.provider(),
              s.judged(),
              policy.minSample(),
              belowFloor(evidence, policy)),
          draw,
          evidence);
    }
    ProviderStats faithful =
        evidence.stream()
            .max(
                Comparator.comparingDouble(ProviderStats::fidelityPassRate)
                    .thenComparingDouble(
                        ProviderStats::meanFidelityCheckPassRate)) // first wins ties
            .orElseThrow();
    return decision(
        category,
        AUTO_BELOW_FLOOR,
        List.of(faithful.provider()),
        pool,
        String.format(
            Locale.ROOT,
            "no provider reaches the fidelity floor %.0f%%%s: %s is the most faithful"
                + " (%.0f%% of its fidelity checks pass)",
            100 * policy.fidelityFloor(),
            belowFloor(evidence, policy),
            faithful.provider(),
            100 * faithful.meanFidelityCheckPassRate()),
        draw,
        evidence);
  }

  /** The sampled providers that fail the floor, in words; empty when none. */
  private static String belowFloor(List<ProviderStats> evidence, RoutingPolicy policy) {
    List<String> below =
        evidence.stream()
            .filter(
                s ->
                    s.judged() >= policy.minSample()
                        && s.fidelityPassRate() < policy.fidelityFloor())
            .map(
                s ->
                    String.format(
                        Locale.ROOT, "%s %.0f%%", s.provider(), 100 * s.fidelityPassRate()))
            .toList();
    return below.isEmpty()
        ? ""
        : " (below the "
            + String.format(Locale.ROOT, "%.0f%%", 100 * policy.fidelityFloor())
            + " fidelity floor: "
            + String.join(", ", below)
            + ")";
  }

  /** The chosen providers first, then the rest of the shoot's chain as fallbacks. */
  private static RoutingDecision decision(
      String category,
      String rule,
      List<String> first,
      List<String> fallbacks,
      String reason,
      double draw,
      List<ProviderStats> evidence) {
    List<String> chain = new ArrayList<>(first);
    fallbacks.stream().filter(p -> !chain.contains(p)).forEach(chain::add);
    return new RoutingDecision(category, rule, chain.get(0), chain, reason, draw, evidence);
  }

  /**
   * Nothing accepted yet counts as dearest: faithful images that fail other checks cost a round.
   */
  private static double costPerAccepted(ProviderStats stats) {
    return stats.costPerAcceptedUsd() == null
        ? Double.POSITIVE_INFINITY
        : stats.costPerAcceptedUsd();
  }

  private static ProviderStats statsOf(String provider, List<ProviderStats> stats) {
    return stats.stream()
        .filter(s -> s.provider().equals(provider))
        .findFirst()
        .orElseGet(
            () ->
                new ProviderStats(
                    provider, List.of(), "", 0, 0, 0, 0, Map.of(), 0, 0, null, 0, 0, 0, 0, 0,
                    null));
  }
}
