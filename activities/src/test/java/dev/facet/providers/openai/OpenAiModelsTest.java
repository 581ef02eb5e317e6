package dev.facet.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What each GPT Image model takes, as the table says (sources in prices.csv). */
class OpenAiModelsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

  @Test
  void inputFidelityGoesOnlyWhereTheModelTakesIt() {
    assertThat(OpenAiModels.inputFidelity("gpt-image-2", "high")).isNull();
    assertThat(OpenAiModels.inputFidelity("gpt-image-2-2026-04-21", "low")).isNull();
    assertThat(OpenAiModels.inputFidelity("gpt-image-1.5", "high")).isEqualTo("high");
    assertThat(OpenAiModels.inputFidelity("gpt-image-1", "low")).isEqualTo("low");
    assertThat(OpenAiModels.inputFidelity("gpt-image-1-mini", "high")).isNull();
    assertThat(OpenAiModels.inputFidelity("gpt-image-1-mini", "low")).isEqualTo("low");
    assertThat(OpenAiModels.inputFidelity("gpt-image-1.5", null)).isNull();
  }

  @Test
  void gptImage2TakesAnySizeWithinItsRulesTheOthersTheStandardOnes() {
    assertThat(problem("gpt-image-2", "1536x864")).isNull();
    assertThat(problem("gpt-image-2", "3840x2160")).isNull();
    assertThat(problem("gpt-image-2", "1000x1000")).contains("divisible by 16");
    assertThat(problem("gpt-image-2", "3840x1024")).as("wider than 3:1").contains("1:3 to 3:1");
    assertThat(problem("gpt-image-2", "4096x2304")).contains("at most 3840x2160");
    assertThat(problem("gpt-image-2", "auto")).isNull();
  }

  @Test
  void aModelIsServedUntilTheDayOpenAiShutItDown() {
    OpenAiModels.Model one5 = OpenAiModels.find("gpt-image-1.5").orElseThrow();

    assertThat(one5.servedOn(LocalDate.of(2026, 11, 30))).isTrue();
    assertThat(one5.servedOn(LocalDate.of(2026, 12, 1))).isFalse();
    assertThat(OpenAiModels.find("gpt-image-2").orElseThrow().servedOn(TODAY)).isTrue();
    assertThat(OpenAiModels.served(TODAY)).isEqualTo("gpt-image-2, gpt-image-2-2026-04-21");
  }

  private static String problem(String model, String size) {
    OpenAiImageOptions options = OpenAiImageOptions.defaults().withModel(model).withSize(size);
    return OpenAiModels.problem(options, TODAY).orElse(null);
  }
}
