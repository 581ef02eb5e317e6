package dev.facet.app.catalog;

import java.util.List;

/**
 * What a catalog would make and cost, before anything is uploaded, started or paid: the first round
 * of every product, at list prices.
 *
 * @param catalogId the catalog it would run as
 * @param products products that would be shot
 * @param ownPolicies how many of them have their own channels, providers or variants (the catalog
 *     file's columns); every count below includes them
 * @param shots the style guide's shots made of each
 * @param variants candidates per shot and provider, the catalog's
 * @param channels finished image per shot and channel, the catalog's
 * @param finishedImages one per product, shot and channel (the product's own channels, if any)
 * @param approval {@code auto} or {@code manual}
 * @param providers what each generator would make, in the chain's order
 * @param estimatedUsd every provider's estimated cost; null when a price is unknown
 * @param estimatedSeconds wall time of the generations at the providers' concurrency limits
 * @param maxRounds rounds a product may take: each rejection regenerates its shots
 * @param mostUsd what the products may cost at most: every round sent back, each shoot within its
 *     own budget; null when a price is unknown
 * @param budgetUsd the catalog's budget; null for none
 * @param paidWithinBudget with a budget: how many of the paid products would start before the
 *     catalog stops at the cap, if each is approved in its first round at list price; null without
 *     a budget
 * @param paidProducts the products whose first round is paid
 * @param notes what the numbers leave out, in words
 */
public record CatalogPlan(
    String catalogId,
    int products,
    int ownPolicies,
    List<String> shots,
    int variants,
    List<String> channels,
    int finishedImages,
    String approval,
    List<ProviderPlan> providers,
    Double estimatedUsd,
    long estimatedSeconds,
    int maxRounds,
    Double mostUsd,
    Double budgetUsd,
    Integer paidWithinBudget,
    int paidProducts,
    List<String> notes) {

  /**
   * One generator's part.
   *
   * @param provider a provider or {@code provider:model}
   * @param images candidates it would make in the first round; 0 for a fallback
   * @param usdPerImage from the price table; null when the table does not price it
   * @param estimatedUsd {@code images × usdPerImage}; null when the price is unknown
   * @param maxConcurrent generations it runs at once
   * @param estimatedSeconds wall time of its images at that limit
   */
  public record ProviderPlan(
      String provider,
      int images,
      Double usdPerImage,
      Double estimatedUsd,
      int maxConcurrent,
      long estimatedSeconds) {}

  /** Candidates every provider would make in the first round. */
  public int images() {
    return providers.stream().mapToInt(ProviderPlan::images).sum();
  }
}
