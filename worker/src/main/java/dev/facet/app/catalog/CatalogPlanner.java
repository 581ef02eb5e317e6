package dev.facet.app.catalog;

import dev.facet.app.policy.ShootChoices;
import dev.facet.app.providers.ImagePrices;
import dev.facet.catalog.ShootEstimate;
import dev.facet.catalog.ShootOverrides;
import dev.facet.model.ShotSpec;
import dev.facet.shoot.ShootPolicy;
import dev.facet.steps.Providers;
import dev.facet.temporal.WorkerProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Plans a catalog from the seller's choices and each product's own: how many images each provider
 * would make, what they would cost at list price and how long they would take, without starting or
 * paying anything.
 */
@Component
public class CatalogPlanner {

  /**
   * Typical seconds one image takes when nothing waits in a queue: GPT Image edits at high quality
   * take about a minute, FLUX Kontext [pro] tens of seconds, the studio renderer a few seconds.
   * Rough on purpose; the provider report measures the real ones.
   */
  static final Map<String, Integer> TYPICAL_SECONDS =
      Map.of(Providers.STUDIO, 5, Providers.OPENAI, 60, Providers.FLUX, 20);

  private final CatalogClient catalogs;
  private final ImagePrices prices;
  private final WorkerProperties workers;

  public CatalogPlanner(CatalogClient catalogs, ImagePrices prices, WorkerProperties workers) {
    this.catalogs = catalogs;
    this.prices = prices;
    this.workers = workers;
  }

  /** A plan of {@code products} products that all keep the catalog's policy, with no budget. */
  public CatalogPlan plan(String catalogId, int products, ShootChoices choices) {
    return plan(catalogId, Collections.nCopies(products, ShootOverrides.NONE), choices, null);
  }

  /**
   * @param products what each product to shoot changes about the catalog's policy, its rows already
   *     checked ({@link CatalogClient#checkRows}), in manifest order
   * @param budgetUsd the catalog's budget; null for none
   * @throws dev.facet.app.catalog.InvalidCatalogRequestException as a start would, for names that
   *     mean nothing
   */
  public CatalogPlan plan(
      String catalogId, List<ShootOverrides> products, ShootChoices choices, Double budgetUsd) {
    ShootPolicy policy = catalogs.check(choices);
    List<String> shots = choices.style().shots().stream().map(ShotSpec::name).toList();
    Map<ShootOverrides, Integer> written = new LinkedHashMap<>();
    products.forEach(row -> written.merge(row, 1, Integer::sum));
    Map<ShootOverrides, Integer> kinds = new LinkedHashMap<>();
    written.forEach((row, count) -> kinds.merge(catalogs.settle(row, policy), count, Integer::sum));
    Map<String, Integer> images = new LinkedHashMap<>();
    policy.providers().forEach(provider -> images.put(provider, 0));
    int finished = 0;
    int own = 0;
    for (Map.Entry<ShootOverrides, Integer> kind : kinds.entrySet()) {
      ShootPolicy product = kind.getKey().over(policy);
      int count = kind.getValue();
      ShootEstimate.images(product, shots.size())
          .forEach((provider, made) -> images.merge(provider, made * count, Integer::sum));
      finished += count * shots.size() * product.channels().size();
      own += kind.getKey().none() ? 0 : count;
    }
    List<CatalogPlan.ProviderPlan> providers = new ArrayList<>();
    images.forEach((provider, made) -> providers.add(providerPlan(provider, made)));
    Costs costs = costs(policy, shots.size(), written, kinds.keySet(), products, budgetUsd);
    return new CatalogPlan(
        catalogId,
        products.size(),
        own,
        shots,
        policy.variants(),
        policy.channels(),
        finished,
        policy.approval().name().toLowerCase(Locale.ROOT),
        providers,
        total(providers),
        // Each provider has its own queue: they work side by side.
        providers.stream().mapToLong(CatalogPlan.ProviderPlan::estimatedSeconds).max().orElse(0),
        policy.maxRounds(),
        costs.mostUsd(),
        budgetUsd,
        costs.paidWithinBudget(),
        costs.paidProducts(),
        notes(policy, own, budgetUsd, total(providers), costs));
  }

  /**
   * What the products may cost at most, and how many paid ones a budget starts.
   *
   * @param mostUsd null when a price is unknown
   * @param paidWithinBudget null without a budget, or when a price is unknown
   */
  private record Costs(Double mostUsd, int paidProducts, Integer paidWithinBudget) {}

  /**
   * Counts as the catalog's budget does ({@link ShootEstimate}): in manifest order, a paid product
   * starts when what was spent so far plus what it may cost at most stays within the budget, and,
   * approved in its first round, spends that round.
   */
  private Costs costs(
      ShootPolicy policy,
      int shots,
      Map<ShootOverrides, Integer> written,
      java.util.Set<ShootOverrides> kinds,
      List<ShootOverrides> products,
      Double budgetUsd) {
    Map<String, Double> usdPerImage = new LinkedHashMap<>();
    kinds.forEach(
        kind ->
            kind.over(policy)
                .providers()
                .forEach(
                    generator ->
                        prices
                            .perImage(generator)
                            .ifPresent(usd -> usdPerImage.put(generator, usd))));
    Map<ShootOverrides, ShootPolicy> policies = new LinkedHashMap<>();
    written.keySet().forEach(row -> policies.put(row, catalogs.settle(row, policy).over(policy)));
    Double most = 0.0;
    int paid = 0;
    Integer within = budgetUsd == null ? null : 0;
    double spent = 0;
    for (ShootOverrides row : products) {
      ShootPolicy product = policies.get(row);
      Double first = ShootEstimate.firstRoundUsd(product, shots, usdPerImage);
      Double productMost = ShootEstimate.mostUsd(product, shots, usdPerImage);
      if (first == null || productMost == null) {
        most = null;
        within = null;
        paid++;
        continue;
      }
      most = most == null ? null : most + productMost;
      if (first > 0) {
        paid++;
        if (within != null && spent + productMost <= budgetUsd + 1e-9) {
          within++;
          spent += first;
        }
      }
    }
    return new Costs(most, paid, within);
  }

  /** The budget against the estimate, in words. */
  private static String budgetNote(double budgetUsd, Double estimatedUsd, Costs costs) {
    String budget = usd(budgetUsd);
    if (estimatedUsd == null || costs.paidWithinBudget() == null) {
      return "Budget " + budget + ": a price is unknown, so the catalog could not keep to it.";
    }
    String most =
        costs.mostUsd() == null
            ? ""
            : ", up to " + usd(costs.mostUsd()) + " if every round is sent back";
    if (costs.paidWithinBudget() == costs.paidProducts()) {
      return "Budget "
          + budget
          + ": the estimate "
          + usd(estimatedUsd)
          + most
          + "; every paid"
          + " product fits if approved in its first round. Each paid shoot is capped at what it"
          + " may cost, so the catalog never pays more than "
          + budget
          + ".";
    }
    return "Budget "
        + budget
        + " is below the estimate "
        + usd(estimatedUsd)
        + most
        + ": about "
        + costs.paidWithinBudget()
        + " of the "
        + costs.paidProducts()
        + " paid products would"
        + " start (approved in their first round); then the catalog holds the others, free studio"
        + " products go on, and it waits until the budget is raised (./facet budget <id> USD, or"
        + " POST /api/catalogs/<id>/budget).";
  }

  private static String usd(double usd) {
    return String.format(Locale.ROOT, "$%.2f", usd);
  }

  private CatalogPlan.ProviderPlan providerPlan(String provider, int images) {
    WorkerProperties.GeneratorLimits limits = workers.limitsFor(Providers.providerOf(provider));
    Optional<Double> price = prices.perImage(provider);
    long seconds =
        (long) Math.ceil((double) images / limits.maxConcurrent())
            * TYPICAL_SECONDS.getOrDefault(Providers.providerOf(provider), 60);
    if (limits.maxPerSecond() != null && limits.maxPerSecond() > 0) {
      seconds = Math.max(seconds, (long) Math.ceil(images / limits.maxPerSecond()));
    }
    return new CatalogPlan.ProviderPlan(
        provider,
        images,
        price.orElse(null),
        price.map(usd -> usd * images).orElse(null),
        limits.maxConcurrent(),
        seconds);
  }

  private static Double total(List<CatalogPlan.ProviderPlan> providers) {
    double usd = 0;
    for (CatalogPlan.ProviderPlan provider : providers) {
      if (provider.images() > 0 && provider.estimatedUsd() == null) {
        return null;
      }
      usd += provider.estimatedUsd() == null ? 0 : provider.estimatedUsd();
    }
    return usd;
  }

  private static List<String> notes(
      ShootPolicy policy, int ownPolicies, Double budgetUsd, Double estimatedUsd, Costs costs) {
    List<String> notes = new ArrayList<>();
    if (budgetUsd != null) {
      notes.add(budgetNote(budgetUsd, estimatedUsd, costs));
    }
    if (ownPolicies > 0) {
      notes.add(
          ownPolicies
              + (ownPolicies == 1 ? " product has its" : " products have their")
              + " own channels, providers or variants (the catalog file's columns); the counts"
              + " above are theirs.");
    }
    notes.add(
        "A product sent back is generated again: up to "
            + policy.maxRounds()
            + " rounds, so at most "
            + policy.maxRounds()
            + "× these images and costs.");
    if (!policy.bakeoff() && policy.providers().size() > 1) {
      notes.add(
          "Later providers in the chain make only the images those before them cannot;"
              + " counted at 0.");
    }
    if (policy.routing() != null) {
      notes.add(
          "Routing picks each category's first provider from the provider report;"
              + " counted at the chain's first.");
    }
    notes.add(
        "Wall time assumes about "
            + TYPICAL_SECONDS.get(Providers.OPENAI)
            + " s per OpenAI image, "
            + TYPICAL_SECONDS.get(Providers.FLUX)
            + " s per FLUX image and "
            + TYPICAL_SECONDS.get(Providers.STUDIO)
            + " s per studio image, at each provider's"
            + " concurrency limit; cut-outs, finishing, QA and reviewers come on top.");
    return notes;
  }
}
