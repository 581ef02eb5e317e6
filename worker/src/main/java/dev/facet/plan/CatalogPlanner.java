package dev.facet.plan;

import dev.facet.client.CatalogClient;
import dev.facet.generators.ImagePrices;
import dev.facet.model.ShotSpec;
import dev.facet.policy.ShootChoices;
import dev.facet.shoot.ShootPolicy;
import dev.facet.steps.Providers;
import dev.facet.temporal.WorkerProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Plans a catalog from the seller's choices: how many images each provider would make, what they
 * would cost at list price and how long they would take, without starting or paying anything.
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

  /**
   * @throws dev.facet.client.InvalidCatalogRequestException as a start would, for names that mean
   *     nothing
   */
  public CatalogPlan plan(String catalogId, int products, ShootChoices choices) {
    ShootPolicy policy = catalogs.check(choices);
    List<String> shots = choices.style().shots().stream().map(ShotSpec::name).toList();
    int perProvider = products * shots.size() * policy.variants();
    List<CatalogPlan.ProviderPlan> providers = new ArrayList<>();
    for (String provider : policy.providers()) {
      // A fallback makes only what those before it cannot; a bake-off has every one make all.
      boolean makesAll = policy.bakeoff() || providers.isEmpty();
      providers.add(providerPlan(provider, makesAll ? perProvider : 0));
    }
    return new CatalogPlan(
        catalogId,
        products,
        shots,
        policy.variants(),
        policy.channels(),
        policy.approval().name().toLowerCase(Locale.ROOT),
        providers,
        total(providers),
        // Each provider has its own queue: they work side by side.
        providers.stream().mapToLong(CatalogPlan.ProviderPlan::estimatedSeconds).max().orElse(0),
        policy.maxRounds(),
        notes(policy));
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

  private static List<String> notes(ShootPolicy policy) {
    List<String> notes = new ArrayList<>();
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
