package dev.facet.app.providers;

import dev.facet.providers.ApiKey;
import dev.facet.providers.FluxGenerator;
import dev.facet.providers.OpenAiGenerator;
import dev.facet.providers.PaidGenerator;
import dev.facet.providers.flux.FluxClient;
import dev.facet.providers.flux.FluxOptions;
import dev.facet.providers.flux.FluxSettings;
import dev.facet.providers.openai.OpenAiImageOptions;
import dev.facet.providers.openai.OpenAiImagesClient;
import dev.facet.providers.openai.OpenAiPrices;
import dev.facet.providers.openai.OpenAiSettings;
import dev.facet.steps.Providers;
import dev.facet.storage.ObjectStore;
import java.util.LinkedHashMap;
import java.util.Map;

/** The paid generators whose keys are configured, by provider name. */
public final class ProviderGenerators {

  private final Map<String, PaidGenerator> byProvider;

  private ProviderGenerators(Map<String, PaidGenerator> byProvider) {
    this.byProvider = Map.copyOf(byProvider);
  }

  public Map<String, PaidGenerator> byProvider() {
    return byProvider;
  }

  /**
   * @throws IllegalArgumentException when a configured provider's options are unusable, e.g. an
   *     OpenAI model and size without a known price: better to refuse to start than to bill blind
   */
  public static ProviderGenerators create(ObjectStore store, ProviderProperties properties) {
    Map<String, PaidGenerator> generators = new LinkedHashMap<>();
    if (properties.openai().configured()) {
      generators.put(Providers.OPENAI, openAi(store, properties.openai()));
    }
    if (properties.flux().configured()) {
      generators.put(Providers.FLUX, flux(store, properties.flux()));
    }
    return new ProviderGenerators(generators);
  }

  private static OpenAiGenerator openAi(ObjectStore store, ProviderProperties.OpenAi config) {
    OpenAiSettings settings = OpenAiSettings.of(config.baseUrl(), new ApiKey(config.apiKey()));
    return new OpenAiGenerator(
        store, new OpenAiImagesClient(settings), openAiOptions(config), OpenAiPrices.load());
  }

  /** What a bare {@code openai} asks for, from the settings: the generator bills by these. */
  static OpenAiImageOptions openAiOptions(ProviderProperties.OpenAi config) {
    OpenAiImageOptions defaults = OpenAiImageOptions.defaults();
    return new OpenAiImageOptions(
        config.model(),
        config.size(),
        config.quality(),
        defaults.background(),
        defaults.outputFormat(),
        defaults.outputCompression(),
        config.inputFidelity() != null ? config.inputFidelity() : defaults.inputFidelity(),
        defaults.moderation(),
        defaults.sendMask(),
        config.pricePerImageUsd());
  }

  private static FluxGenerator flux(ObjectStore store, ProviderProperties.Flux config) {
    FluxSettings settings = FluxSettings.of(config.baseUrl(), new ApiKey(config.apiKey()));
    return new FluxGenerator(store, new FluxClient(settings), fluxOptions(config));
  }

  /** What a bare {@code flux} asks for, from the settings. */
  static FluxOptions fluxOptions(ProviderProperties.Flux config) {
    return new FluxOptions(config.model(), config.width(), config.height(), null, null, null, null);
  }
}
