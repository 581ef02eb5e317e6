package dev.facet.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.app.providers.ProviderGenerators;
import dev.facet.app.providers.ProviderProperties;
import dev.facet.app.providers.ServedProviders;
import dev.facet.catalog.ShootOverrides;
import dev.facet.imaging.ChannelPresets;
import dev.facet.manifest.Problem;
import dev.facet.routing.RoutingPolicy;
import dev.facet.shoot.ShootPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a catalog row may change about the catalog's policy, checked before anything starts. */
class ShootPoliciesTest {

  /** A worker here with no paid provider's key: only the studio is served. */
  private final ShootPolicies policies =
      new ShootPolicies(
          ChannelNames.of(ChannelPresets.builtIn()),
          ServedProviders.here(
              ProviderGenerators.create(null, new ProviderProperties(null, null))));

  @Test
  void aRowsAliasesBecomeThePresetsNames() {
    ShootPolicies.CheckedRow row =
        policies.checkRow(
            new ShootOverrides(List.of("Amazon", "google"), List.of(), 2), ShootPolicy.auto());

    assertThat(row.problems()).isEmpty();
    assertThat(row.overrides())
        .isEqualTo(new ShootOverrides(List.of("amazon-main", "google-merchant"), List.of(), 2));
  }

  @Test
  void eachRowsProblemNamesItsLineSkuAndColumnAndWhatThereIs() {
    List<Problem> problems =
        policies.rowProblems(
            List.of(
                new ShootPolicies.Row(
                    2, "R-1", new ShootOverrides(List.of("etsy"), List.of(), null)),
                new ShootPolicies.Row(
                    3, "R-2", new ShootOverrides(List.of("etsi"), List.of(), null)),
                new ShootPolicies.Row(
                    4, "R-3", new ShootOverrides(List.of(), List.of("openai"), null))),
            ShootPolicy.auto());

    assertThat(problems)
        .extracting(Problem::toString)
        .satisfiesExactly(
            channel ->
                assertThat(channel)
                    .startsWith(
                        "line 3: R-2: channels: unknown channel 'etsi'; the channels are amazon-main (or amazon),"),
            provider ->
                assertThat(provider)
                    .startsWith(
                        "line 4: R-3: providers names 'openai', but no API key is configured for openai: set"
                            + " FACET_PROVIDERS_OPENAI_API_KEY"));
  }

  @Test
  void aRowLeavingOutAProviderTheCatalogsRoutingNamesIsAProblemButTheCatalogsOwnAreNotRepeated() {
    ShootPolicies anywhere =
        new ShootPolicies(ChannelNames.of(ChannelPresets.builtIn()), ServedProviders.elsewhere());
    ShootPolicy routed =
        new ShootPolicy(null, null, null, null, null, null, null, List.of("studio", "flux"))
            .withRouting(new RoutingPolicy(Map.of("ring", "flux"), null, null, null));
    ShootPolicy broken =
        routed.withRouting(new RoutingPolicy(Map.of("ring", "openai"), null, null, null));

    assertThat(
            anywhere
                .checkRow(new ShootOverrides(List.of(), List.of("studio"), null), routed)
                .problems())
        .containsExactly(
            "policy.routing names 'flux', which policy.providers does not list (studio)");
    assertThat(
            anywhere
                .checkRow(new ShootOverrides(List.of("etsy"), List.of(), null), broken)
                .problems())
        .as("the catalog's own problem is the catalog's, said once where the catalog is checked")
        .isEmpty();
  }
}
