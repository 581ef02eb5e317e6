package dev.facet.app.providers;

import dev.facet.providers.flux.FluxModel;
import dev.facet.providers.openai.OpenAiPrices;
import dev.facet.steps.Providers;
import java.util.Optional;

/**
 * What one image of a generator is expected to cost, from the price tables and settings the
 * generators bill by: for a plan before anything is paid. What a provider actually charges is on
 * the shoot's ledger.
 */
public final class ImagePrices {

  private final ProviderProperties providers;
  private final OpenAiPrices openAi = OpenAiPrices.load();

  public ImagePrices(ProviderProperties providers) {
    this.providers = providers;
  }

  /**
   * @param generator a provider ({@code flux}, its configured model) or {@code provider:model}
   * @return USD per image; empty when no table prices it
   */
  public Optional<Double> perImage(String generator) {
    Optional<String> model = Providers.modelOf(generator);
    return switch (Providers.providerOf(generator)) {
      case Providers.STUDIO -> Optional.of(0.0);
      case Providers.OPENAI -> {
        var options = ProviderGenerators.openAiOptions(providers.openai());
        try {
          yield Optional.of(openAi.priceOf(model.map(options::forModel).orElse(options)));
        } catch (IllegalArgumentException e) {
          yield Optional.empty();
        }
      }
      case Providers.FLUX ->
          model
              .map(FluxModel::byEndpoint)
              .orElseGet(
                  () -> Optional.of(ProviderGenerators.fluxOptions(providers.flux()).model()))
              .map(FluxModel::listPriceUsd);
      default -> Optional.empty();
    };
  }
}
