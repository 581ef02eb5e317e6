package dev.facet.app.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the API refuses at the start, before a shoot waits on a generator that cannot serve it. */
class ServedProvidersTest {

  private static final ProviderProperties BOTH_KEYS =
      new ProviderProperties(
          new ProviderProperties.OpenAi("sk-test", null, null, null, null, null, null),
          new ProviderProperties.Flux("bfl-test", null, null, null, null));

  private final ServedProviders served =
      ServedProviders.here(ProviderGenerators.create(null, BOTH_KEYS));

  @Test
  void everyModelAServedProviderRunsIsAccepted() {
    assertThat(
            served.problems(
                List.of(
                    "studio",
                    "flux",
                    "flux:flux-pro-1.1",
                    "flux:flux-kontext-pro",
                    "openai",
                    "openai:gpt-image-2",
                    "openai:gpt-image-2-2026-04-21")))
        .isEmpty();
  }

  @Test
  void aModelTheProviderCannotRunIsRefusedSayingWhatItRuns() {
    assertThat(served.problems(List.of("flux:flux-dev", "openai:dall-e-3")))
        .containsExactly(
            "policy.providers names 'flux:flux-dev': FLUX has no model 'flux-dev' that Facet runs; it runs"
                + " flux-pro-1.1, flux-kontext-pro",
            "policy.providers names 'openai:dall-e-3': OpenAI model 'dall-e-3' is not one Facet runs; it"
                + " runs gpt-image-2, gpt-image-2-2026-04-21");
  }

  @Test
  void aModelOpenAiHasShutDownIsRefusedNamingTheDayAndWhatToUse() {
    assertThat(served.problems(List.of("openai:gpt-image-1.5", "openai:gpt-image-1-mini")))
        .containsExactly(
            "policy.providers names 'openai:gpt-image-1.5': OpenAI shut 'gpt-image-1.5' down on"
                + " 2026-12-01; use gpt-image-2 (openai:gpt-image-2, or"
                + " facet.providers.openai.model=gpt-image-2)",
            "policy.providers names 'openai:gpt-image-1-mini': OpenAI shut 'gpt-image-1-mini' down"
                + " on 2026-12-01; use gpt-image-2 (openai:gpt-image-2, or"
                + " facet.providers.openai.model=gpt-image-2)");
  }

  @Test
  void aModelOfAProviderWithoutAKeyNamesTheSettingToFix() {
    ServedProviders studioOnly =
        ServedProviders.here(ProviderGenerators.create(null, new ProviderProperties(null, null)));

    assertThat(studioOnly.problems(List.of("studio", "flux:flux-pro-1.1")))
        .singleElement()
        .asString()
        .contains(
            "'flux:flux-pro-1.1'",
            "no API key is configured for flux",
            "FACET_PROVIDERS_FLUX_API_KEY");
  }

  @Test
  void anApiOnlyProcessCannotKnowAndRefusesNothing() {
    assertThat(ServedProviders.elsewhere().problems(List.of("flux:flux-dev", "openai"))).isEmpty();
  }
}
