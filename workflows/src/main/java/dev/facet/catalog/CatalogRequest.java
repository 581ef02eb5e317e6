package dev.facet.catalog;

import dev.facet.model.StyleGuide;
import dev.facet.shoot.ShootPolicy;
import java.time.Duration;
import java.util.Map;

/**
 * Input of a {@link CatalogWorkflow}. The manifest is passed by reference: a catalog of 10,000
 * products never enters history as a whole.
 *
 * @param catalogId names the catalog: workflow id {@code catalog-<id>}, search attribute
 *     FacetCatalog
 * @param manifestKey object key of the CSV or JSON manifest; its photo references are object keys
 * @param style one style guide for the whole collection
 * @param policy the policy of every product shoot
 * @param window products in progress at once, not counting those parked for a human
 * @param startsPerRun product starts per workflow run before continuing as new, which keeps each
 *     run's history small
 * @param quietPeriod how long the catalog waits without news from any shoot before it asks Temporal
 *     which of its shoots closed without reporting (10 minutes when absent)
 * @param progress carried over from the previous run; null on the first
 * @param budgetUsd what the catalog's paid generations may cost at most, in US dollars; none when
 *     absent. Not {@code policy.budgetUsd}, which caps each shoot. Raised while the catalog runs by
 *     the {@code raiseBudget} update; the progress carries the current one
 * @param usdPerImage the list price of one image of each generator the catalog's policy and its
 *     rows name ({@code flux}, {@code openai:gpt-image-2}), by which a budget estimates each shoot
 *     before it starts; the studio renderer is free whatever it says. A paid product whose price is
 *     missing cannot start under a budget
 */
public record CatalogRequest(
    String catalogId,
    String manifestKey,
    StyleGuide style,
    ShootPolicy policy,
    Integer window,
    Integer startsPerRun,
    Duration quietPeriod,
    CatalogProgressState progress,
    Double budgetUsd,
    Map<String, Double> usdPerImage) {

  /** A catalog without a budget. */
  public CatalogRequest(
      String catalogId,
      String manifestKey,
      StyleGuide style,
      ShootPolicy policy,
      Integer window,
      Integer startsPerRun,
      Duration quietPeriod,
      CatalogProgressState progress) {
    this(
        catalogId,
        manifestKey,
        style,
        policy,
        window,
        startsPerRun,
        quietPeriod,
        progress,
        null,
        null);
  }

  public CatalogRequest {
    usdPerImage = usdPerImage == null ? Map.of() : Map.copyOf(usdPerImage);
    if (budgetUsd != null && !BudgetRaise.isValid(budgetUsd)) {
      throw new IllegalArgumentException("budgetUsd: " + BudgetRaise.RULE + ", was " + budgetUsd);
    }
    style = style == null ? StyleGuide.whiteStudio() : style;
    policy = policy == null ? ShootPolicy.defaults() : policy;
    window = window == null ? 100 : window;
    startsPerRun = startsPerRun == null ? 500 : startsPerRun;
    quietPeriod = quietPeriod == null ? Duration.ofMinutes(10) : quietPeriod;
    if (window < 1 || window > 1000) {
      throw new IllegalArgumentException("window must be 1..1000, was " + window);
    }
    if (startsPerRun < 1 || startsPerRun > 1000) {
      // Children started in one run count against Temporal's 2,000 pending children.
      throw new IllegalArgumentException("startsPerRun must be 1..1000, was " + startsPerRun);
    }
  }

  CatalogRequest continuing(CatalogProgressState next) {
    return new CatalogRequest(
        catalogId,
        manifestKey,
        style,
        policy,
        window,
        startsPerRun,
        quietPeriod,
        next,
        budgetUsd,
        usdPerImage);
  }
}
