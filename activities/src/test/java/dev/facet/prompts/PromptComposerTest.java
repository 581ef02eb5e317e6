package dev.facet.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.activities.PromptActivitiesImpl;
import dev.facet.model.ProductSpec;
import dev.facet.model.ShotPrompt;
import dev.facet.model.Stone;
import dev.facet.model.StyleGuide;
import dev.facet.steps.PromptActivities;
import dev.facet.steps.PromptRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptComposerTest {

  private static final ProductSpec PENDANT =
      new ProductSpec(
          "P03",
          "Rose halo pendant",
          "pendant",
          "18k rose gold",
          List.of(
              new Stone("ruby", 1, "round brilliant", "deep red"),
              new Stone("diamond", 14, "round brilliant", "colourless")),
          "four-prong halo",
          "");

  private final PromptComposer composer = new PromptComposer();

  @Test
  void everyShotGetsItsAngleAndTheProductsFacts() {
    StyleGuide style = StyleGuide.whiteStudio();
    List<ShotPrompt> prompts = composer.compose(PENDANT, style, style.shots(), "");

    assertThat(prompts).extracting(ShotPrompt::shot).containsExactly("hero", "profile");
    String hero = prompts.get(0).prompt();
    System.out.println(hero);
    assertThat(hero)
        .contains("pendant: Rose halo pendant")
        .contains(
            "18k rose gold set with 1 round brilliant deep red ruby and 14 round brilliant colourless diamonds")
        .contains("Setting: four-prong halo.")
        .contains("Camera: three-quarter front view, camera slightly above.")
        .contains("about 80 % of the square frame")
        .contains("pure white (#ffffff)")
        .contains("neutral daylight (5500 K)")
        .contains(
            "Do not change the metal colour (18k rose gold), the stone count (15 stones: 1 ruby, 14 diamonds)")
        .doesNotContain("Engraving")
        .doesNotContain("{");
    assertThat(prompts.get(1).prompt()).contains("Camera: side view at eye level.");
  }

  @Test
  void reviewerFeedbackBecomesNumberedCorrections() {
    StyleGuide style = StyleGuide.whiteStudio();
    String prompt =
        composer
            .compose(
                PENDANT,
                style,
                style.shots().subList(0, 1),
                "The chain looks too pink. Show all 14 halo stones\n- less glare")
            .get(0)
            .prompt();
    assertThat(prompt)
        .endsWith(
            "Corrections requested by the reviewer of the previous round (apply every one):\n"
                + "1. The chain looks too pink.\n"
                + "2. Show all 14 halo stones\n"
                + "3. less glare");
  }

  @Test
  void metalOnlyPiecesAndOtherStylesReadNaturally() {
    ProductSpec band =
        new ProductSpec("B1", "Plain band", "ring", "950 platinum", List.of(), "", "Forever");
    StyleGuide warm =
        new StyleGuide("warm", "#e2dbce", 3200, 0.7, true, StyleGuide.whiteStudio().shots(), 1);
    String prompt = composer.compose(band, warm, warm.shots(), null).get(0).prompt();
    assertThat(prompt)
        .contains("The piece: 950 platinum.")
        .contains("the stone count (no stones)")
        .contains("Engraving, reproduced exactly as written: \"Forever\".")
        .contains("light warm grey (#e2dbce)")
        .contains("and a faint reflection on the surface")
        .contains("warm tungsten light (3200 K)")
        .doesNotContain("Setting:")
        .doesNotContain("Corrections");
  }

  @Test
  void theSameInputsGiveTheSameText() {
    StyleGuide style = StyleGuide.whiteStudio();
    assertThat(composer.compose(PENDANT, style, style.shots(), "x"))
        .isEqualTo(new PromptComposer().compose(PENDANT, style, style.shots(), "x"));
  }

  @Test
  void anUnknownPlaceholderFailsWhenTheTemplateLoads() {
    assertThatThrownBy(
            () ->
                PromptTemplate.parse(
                    "test", "A {metal} piece in {colour_of_metal}.", PromptComposer.PLACEHOLDERS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unknown placeholder(s) [{colour_of_metal}]")
        .hasMessageContaining("{metal}");
  }

  @Test
  void theActivityComposesOnlyTheRequestedShots() {
    PromptActivities activity = new PromptActivitiesImpl(composer);
    StyleGuide style = StyleGuide.whiteStudio();
    List<ShotPrompt> prompts =
        activity.composePrompts(
            new PromptRequest(PENDANT, style, style.shots().subList(1, 2), "darker"));
    assertThat(prompts)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.shot()).isEqualTo("profile");
              assertThat(p.prompt()).contains("1. darker");
            });
    assertThat(Set.copyOf(PromptComposer.PLACEHOLDERS)).contains("corrections");
  }
}
