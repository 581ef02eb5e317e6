package dev.facet.app.providers;

import dev.facet.providers.flux.FluxModel;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The paid image providers. A provider is served by this worker only when its API key is set; the
 * studio renderer is always served.
 *
 * @param openai OpenAI GPT Image
 * @param flux Black Forest Labs FLUX
 */
@ConfigurationProperties("facet.providers")
public record ProviderProperties(OpenAi openai, Flux flux) {

  public ProviderProperties {
    openai = openai == null ? new OpenAi(null, null, null, null, null, null, null) : openai;
    flux = flux == null ? new Flux(null, null, null, null, null) : flux;
  }

  /**
   * @param apiKey better given as {@code FACET_PROVIDERS_OPENAI_API_KEY}; never printed
   * @param baseUrl API root including {@code /v1}; OpenAI's when empty
   * @param model {@code gpt-image-2} (the default; OpenAI shut {@code gpt-image-1} down on
   *     2026-10-23, {@code gpt-image-1.5} and {@code gpt-image-1-mini} on 2026-12-01, and Facet
   *     refuses them): what a policy's {@code openai} runs; {@code openai:<model>} runs another
   * @param size {@code WxH}, default {@code 1024x1024}
   * @param quality {@code low}, {@code medium} or {@code high} (the default)
   * @param inputFidelity {@code high} (the default) keeps the reference photos' detail; sent only
   *     to a model that takes it ({@code gpt-image-2} always works at high fidelity and refuses it)
   * @param pricePerImageUsd for a model, size or quality the built-in price table does not list
   */
  public record OpenAi(
      String apiKey,
      URI baseUrl,
      String model,
      String size,
      String quality,
      String inputFidelity,
      Double pricePerImageUsd) {

    public boolean configured() {
      return apiKey != null && !apiKey.isBlank();
    }
  }

  /**
   * @param apiKey better given as {@code FACET_PROVIDERS_FLUX_API_KEY}; never printed
   * @param baseUrl {@code https://api.bfl.ai} when empty, or a regional one such as {@code
   *     https://api.eu.bfl.ai}
   * @param model {@code KONTEXT_PRO} (the default; edits the seller's photo) or {@code PRO_1_1}:
   *     what a policy's {@code flux} runs; {@code flux:flux-pro-1.1} or {@code
   *     flux:flux-kontext-pro} runs one of them by name
   * @param width FLUX 1.1 [pro] only, 256-1440 in steps of 32
   * @param height FLUX 1.1 [pro] only, 256-1440 in steps of 32
   */
  public record Flux(String apiKey, URI baseUrl, FluxModel model, Integer width, Integer height) {

    public boolean configured() {
      return apiKey != null && !apiKey.isBlank();
    }
  }
}
