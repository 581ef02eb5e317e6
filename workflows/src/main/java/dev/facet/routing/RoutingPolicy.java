package dev.facet.routing;

import dev.facet.model.NameList;
import java.util.List;
import java.util.Map;

/**
 * Which provider a shoot of each product category starts with. Absent fields take the defaults.
 *
 * @param categories by category ({@code ring/stone-heavy}), kind ({@code ring}) or {@code *}, most
 *     specific first: {@code "auto"}, or providers in order, comma-separated ({@code "openai,
 *     flux"}). A category without a rule uses the shoot's own {@code providers}.
 * @param fidelityFloor {@code auto} only picks a provider whose fidelity pass rate is at least this
 * @param minSample judged images a provider needs in a category before {@code auto} trusts its
 *     numbers; until then {@code auto} sends shoots to the first provider short of it
 * @param exploreShare share of {@code auto} shoots sent to another provider than the best, so the
 *     numbers of the others stay current
 */
public record RoutingPolicy(
    Map<String, String> categories, Double fidelityFloor, Integer minSample, Double exploreShare) {

  public static final String AUTO = "auto";
  public static final String ANY = "*";

  public RoutingPolicy {
    categories = categories == null ? Map.of() : Map.copyOf(categories);
    fidelityFloor = fidelityFloor == null ? 0.8 : fidelityFloor;
    minSample = minSample == null ? 10 : minSample;
    exploreShare = exploreShare == null ? 0.1 : exploreShare;
    if (fidelityFloor < 0 || fidelityFloor > 1) {
      throw new IllegalArgumentException("fidelityFloor must be 0..1, was " + fidelityFloor);
    }
    if (minSample < 1) {
      throw new IllegalArgumentException("minSample must be at least 1, was " + minSample);
    }
    if (exploreShare < 0 || exploreShare > 1) {
      throw new IllegalArgumentException("exploreShare must be 0..1, was " + exploreShare);
    }
  }

  /** Every category {@code auto}. */
  public static RoutingPolicy auto(double fidelityFloor, int minSample, double exploreShare) {
    return new RoutingPolicy(Map.of(ANY, AUTO), fidelityFloor, minSample, exploreShare);
  }

  /** The rule that applies to {@code category}, and the key it was found under; null when none. */
  Map.Entry<String, String> ruleFor(String category) {
    for (String key : List.of(category, ProductCategory.kindOf(category), ANY)) {
      if (categories.containsKey(key)) {
        return Map.entry(key, categories.get(key).trim());
      }
    }
    return null;
  }

  /** Provider names a rule mentions, {@code auto} aside. */
  public List<String> namedProviders() {
    return categories.values().stream()
        .filter(rule -> !rule.trim().equals(AUTO))
        .flatMap(rule -> order(rule).stream())
        .distinct()
        .toList();
  }

  static List<String> order(String rule) {
    return NameList.commas(rule);
  }
}
