package dev.facet.steps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvidersTest {

  @Test
  void aNameIsAProviderWithAnOptionalModel() {
    assertThat(Providers.providerOf("flux")).isEqualTo("flux");
    assertThat(Providers.modelOf("flux")).isEmpty();
    assertThat(Providers.providerOf("flux:flux-pro-1.1")).isEqualTo("flux");
    assertThat(Providers.modelOf("flux:flux-pro-1.1")).contains("flux-pro-1.1");
  }

  @Test
  void wellFormedNamesHaveNoProblem() {
    assertThat(Providers.problem("studio")).isEmpty();
    assertThat(Providers.problem("openai:gpt-image-1.5")).isEmpty();
    assertThat(Providers.problem("flux:flux-kontext-pro")).isEmpty();
  }

  @Test
  void eachMalformedNameSaysWhatToWriteInstead() {
    assertThat(Providers.problem("midjourney"))
        .get()
        .asString()
        .contains("'midjourney' is no generator", "studio, openai, flux", "flux:flux-pro-1.1");
    assertThat(Providers.problem("studio:v2"))
        .get()
        .asString()
        .contains("the studio renderer has no models");
    assertThat(Providers.problem("flux:")).get().asString().contains("names no model after ':'");
    assertThat(Providers.problem("openai:GPT Image"))
        .get()
        .asString()
        .contains("names no model after ':'");
    assertThat(Providers.problem(" ")).get().asString().contains("empty");
  }
}
