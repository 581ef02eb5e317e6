package dev.facet.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.facet.app.policy.ChannelNames;
import dev.facet.app.policy.ShootChoices;
import dev.facet.app.policy.ShootPolicies;
import dev.facet.app.providers.ImagePrices;
import dev.facet.app.providers.ProviderProperties;
import dev.facet.app.providers.ServedProviders;
import dev.facet.catalog.ShootOverrides;
import dev.facet.imaging.ChannelPresets;
import dev.facet.temporal.WorkerProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CatalogPlannerTest {

  // Planning only checks the choices: it never reaches Temporal or the store.
  private final CatalogPlanner planner =
      new CatalogPlanner(
          new CatalogClient(
              null,
              null,
              new CatalogProperties(null, null),
              new ShootPolicies(
                  ChannelNames.of(ChannelPresets.builtIn()), ServedProviders.elsewhere()),
              new ImagePrices(new ProviderProperties(null, null))),
          new ImagePrices(new ProviderProperties(null, null)),
          new WorkerProperties(
              true, Map.of("openai", new WorkerProperties.GeneratorLimits(4, null)), null));

  @Test
  void theFirstProviderOfAChainMakesEveryCandidateAtItsListPrice() {
    CatalogPlan plan = planner.plan("summer", 3, choices(List.of("flux", "studio"), false, 2));

    assertThat(plan.shots()).containsExactly("hero", "profile");
    assertThat(plan.channels()).containsExactly("etsy", "amazon-main");
    assertThat(plan.images()).isEqualTo(12);
    assertThat(plan.finishedImages()).isEqualTo(12);
    CatalogPlan.ProviderPlan flux = plan.providers().get(0);
    assertThat(flux.images()).isEqualTo(12);
    assertThat(flux.usdPerImage()).isEqualTo(0.04);
    assertThat(flux.estimatedUsd()).isCloseTo(0.48, Offset.offset(1e-9));
    assertThat(flux.estimatedSeconds()).as("12 images, 24 at once").isEqualTo(20);
    assertThat(plan.providers().get(1).images()).as("the studio is only the fallback").isZero();
    assertThat(plan.estimatedUsd()).isCloseTo(0.48, Offset.offset(1e-9));
    assertThat(plan.notes()).anyMatch(note -> note.contains("up to 3 rounds"));
  }

  @Test
  void aBakeoffHasEveryProviderMakeEveryCandidateSideBySide() {
    CatalogPlan plan =
        planner.plan(
            "summer", 3, choices(List.of("openai:gpt-image-2", "flux:flux-pro-1.1"), true, 4));

    assertThat(plan.providers())
        .extracting(CatalogPlan.ProviderPlan::images)
        .containsExactly(24, 24);
    assertThat(plan.providers().get(0).usdPerImage())
        .as("gpt-image-2, 1024x1024, high")
        .isEqualTo(0.21);
    assertThat(plan.providers().get(0).estimatedSeconds())
        .as("24 images, 4 at once")
        .isEqualTo(6 * 60);
    assertThat(plan.estimatedUsd()).isCloseTo(24 * 0.21 + 24 * 0.04, Offset.offset(1e-9));
    assertThat(plan.estimatedSeconds()).isEqualTo(6 * 60);
  }

  @Test
  void eachProductIsCountedWithItsOwnChannelsProvidersAndVariants() {
    List<ShootOverrides> products =
        List.of(
            ShootOverrides.NONE,
            new ShootOverrides(List.of(), List.of("openai:gpt-image-2", "studio"), 1),
            new ShootOverrides(List.of("etsy", "amazon", "master"), List.of("studio"), null));

    CatalogPlan plan =
        planner.plan("mixed", products, choices(List.of("flux", "studio"), false, 2), null);

    assertThat(plan.products()).isEqualTo(3);
    assertThat(plan.ownPolicies()).isEqualTo(2);
    assertThat(plan.providers())
        .extracting(CatalogPlan.ProviderPlan::provider, CatalogPlan.ProviderPlan::images)
        .containsExactly(tuple("flux", 4), tuple("studio", 4), tuple("openai:gpt-image-2", 2));
    assertThat(plan.estimatedUsd())
        .as("4 FLUX images at $0.04, 2 GPT Image 2 images at $0.21, the studio's free")
        .isCloseTo(4 * 0.04 + 2 * 0.21, Offset.offset(1e-9));
    assertThat(plan.finishedImages())
        .as("2 shots × (etsy, amazon-main) twice, and × (etsy, amazon-main, master) once")
        .isEqualTo(2 * 2 + 2 * 2 + 2 * 3);
    assertThat(plan.notes()).first().asString().startsWith("2 products have their own channels");
  }

  @Test
  void aBudgetIsWeighedAgainstTheEstimateAsTheCatalogWouldKeepToIt() {
    // Each product: 2 shots × 2 variants on FLUX at $0.04 = $0.16 a round, 3 rounds at most.
    List<ShootOverrides> products =
        List.of(
            ShootOverrides.NONE,
            ShootOverrides.NONE,
            new ShootOverrides(List.of(), List.of("studio"), null),
            ShootOverrides.NONE);
    ShootChoices flux = choices(List.of("flux"), false, 2);

    CatalogPlan tight = planner.plan("tight", products, flux, 0.5);
    CatalogPlan ample = planner.plan("ample", products, flux, 2.0);

    assertThat(tight.mostUsd()).isCloseTo(3 * 0.48, Offset.offset(1e-9));
    assertThat(tight.paidProducts()).isEqualTo(3);
    assertThat(tight.paidWithinBudget())
        .as("$0.48 fits in $0.50; then $0.16 spent + $0.48 does not")
        .isEqualTo(1);
    assertThat(tight.notes())
        .first()
        .asString()
        .isEqualTo(
            "Budget $0.50 is below the estimate"
                + " $0.48, up to $1.44 if every round is sent back: about 1 of the 3 paid products would"
                + " start (approved in their first round); then the catalog holds the others, free studio"
                + " products go on, and it waits until the budget is raised (./facet budget <id> USD, or"
                + " POST /api/catalogs/<id>/budget).");
    assertThat(ample.paidWithinBudget()).isEqualTo(3);
    assertThat(ample.notes())
        .first()
        .asString()
        .startsWith(
            "Budget $2.00: the estimate $0.48,"
                + " up to $1.44 if every round is sent back; every paid product fits");
    assertThat(planner.plan("open", products, flux, null).paidWithinBudget()).isNull();
  }

  @Test
  void namesThatMeanNothingAreRefusedAsAStartWouldRefuseThem() {
    ShootChoices typo =
        new ShootChoices(
            Optional.empty(),
            List.of("amazn"),
            List.of(),
            Optional.empty(),
            List.of(),
            false,
            false);

    assertThatThrownBy(() -> planner.plan("summer", 3, typo))
        .isInstanceOf(InvalidCatalogRequestException.class)
        .hasMessageContaining("unknown channel 'amazn'");
  }

  private static ShootChoices choices(List<String> providers, boolean bakeoff, int variants) {
    return new ShootChoices(
        Optional.empty(),
        List.of("etsy", "amazon"),
        providers,
        Optional.of(variants),
        List.of(),
        false,
        bakeoff);
  }
}
