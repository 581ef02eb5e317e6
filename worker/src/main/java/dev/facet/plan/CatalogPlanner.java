package dev.facet.plan;

import dev.facet.catalog.ShootEstimate;
import dev.facet.catalog.ShootOverrides;
import dev.facet.client.CatalogClient;
import dev.facet.generators.ImagePrices;
import dev.facet.model.ShotSpec;
import dev.facet.policy.ShootChoices;
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
 * would make, what they would cost at list price and how long they would take, without starting
 * or paying anything.
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

  /** A plan of {@code products} products that all keep the catalog's policy. */
  public CatalogPlan plan(String catalogId, int products, ShootChoices choices) {
    return plan(catalogId, Collections.nCopies(products, ShootOverrides.NONE), choices);
  }

  /**
   * @param products what each product to shoot changes about the catalog's policy, its rows
   *     already checked ({@link CatalogClient#checkRows})
   * @throws dev.facet.client.InvalidCatalogRequestException as a start would, for names that mean
   *     nothing
   */
  public CatalogPlan plan(String catalogId, List<ShootOverrides> products, ShootChoices choices) {
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
        notes(policy, own));
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

  private static List<String> notes(ShootPolicy policy, int ownPolicies) {
    List<String> notes = new ArrayList<>();
    if (ownPolicies > 0) {
      notes.add(ownPolicies + (ownPolicies == 1 ? " product has its" : " products have their")
          + " own channels, providers or variants (the catalog file's columns); the counts"
          + " above are theirs.");
    }
    notes.add("A product sent back is generated again: up to " + policy.maxRounds()
        + " rounds, so at most " + policy.maxRounds() + "× these images and costs.");
    if (!policy.bakeoff() && policy.providers().size() > 1) {
      notes.add("Later providers in the chain make only the images those before them cannot;"
          + " counted at 0.");
    }
    if (policy.routing() != null) {
      notes.add("Routing picks each category's first provider from the provider report;"
          + " counted at the chain's first.");
    }
    notes.add("Wall time assumes about " + TYPICAL_SECONDS.get(Providers.OPENAI) + " s per OpenAI image, "
        + TYPICAL_SECONDS.get(Providers.FLUX) + " s per FLUX image and "
        + TYPICAL_SECONDS.get(Providers.STUDIO) + " s per studio image, at each provider's"
        + " concurrency limit; cut-outs, finishing, QA and reviewers come on top.");
    return notes;
  }
}
