package dev.facet.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.model.ProductSpec;
import dev.facet.model.Stone;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingTest {

  static final String RING = "ring/stone-heavy";
  static final List<String> POOL = List.of("flux", "openai");
  static final RoutingPolicy AUTO = RoutingPolicy.auto(0.8, 10, 0.1);

  /** A row with what auto looks at: judged images, fidelity pass rate, cost per accepted image. */
  static ProviderStats stats(String provider, int judged, double fidelity, Double costPerAccepted) {
    return new ProviderStats(
        provider,
        List.of(),
        RING,
        judged,
        0,
        judged,
        judged,
        Map.of(),
        fidelity,
        0,
        null,
        0,
        0,
        1000,
        2000,
        0,
        costPerAccepted);
  }

  @Test
  void categoriesFoldTheSellersTypesAndSplitStonesFromMetal() {
    assertThat(ProductCategory.of(product("ring", true))).isEqualTo("ring/stone-heavy");
    assertThat(ProductCategory.of(product("Pendant", false))).isEqualTo("necklace/metal-only");
    assertThat(ProductCategory.of(product("stud earrings", true)))
        .isEqualTo("earrings/stone-heavy");
    assertThat(ProductCategory.of(product("bangle", false))).isEqualTo("bracelet/metal-only");
    assertThat(ProductCategory.of(product("brooch", false))).isEqualTo("other/metal-only");
  }

  @Test
  void withoutARuleTheShootKeepsItsOwnChain() {
    RoutingDecision d =
        Routing.choose(
            RING,
            POOL,
            new RoutingPolicy(Map.of("necklace", "openai"), null, null, null),
            List.of(),
            0.5);
    assertThat(d.rule()).isEqualTo(Routing.SHOOT_ORDER);
    assertThat(d.chain()).containsExactly("flux", "openai");
  }

  @Test
  void aConfiguredOrderWinsMostSpecificFirstAndKeepsTheRestAsFallbacks() {
    RoutingPolicy policy =
        new RoutingPolicy(Map.of("ring", "openai", "*", "flux"), null, null, null);
    RoutingDecision ring = Routing.choose(RING, POOL, policy, List.of(), 0.5);
    assertThat(ring.rule()).isEqualTo(Routing.CATEGORY_ORDER);
    assertThat(ring.chain()).containsExactly("openai", "flux");
    assertThat(ring.reason()).contains("'ring'");
    assertThat(Routing.choose("necklace/metal-only", POOL, policy, List.of(), 0.5).chain())
        .containsExactly("flux", "openai");
  }

  @Test
  void autoSamplesEachProviderInOrderUntilItHasTheMinimum() {
    RoutingDecision first = Routing.choose(RING, POOL, AUTO, List.of(), 0.5);
    assertThat(first.rule()).isEqualTo(Routing.AUTO_SAMPLING);
    assertThat(first.provider()).isEqualTo("flux");
    assertThat(first.reason()).contains("flux has 0 of the 10");

    // flux has its sample and fails the floor: openai is sampled next, the reason says why.
    RoutingDecision second =
        Routing.choose(RING, POOL, AUTO, List.of(stats("flux", 10, 0.3, 0.05)), 0.5);
    assertThat(second.rule()).isEqualTo(Routing.AUTO_SAMPLING);
    assertThat(second.chain()).containsExactly("openai", "flux");
    assertThat(second.reason()).contains("below the 80% fidelity floor: flux 30%");
  }

  @Test
  void autoPicksTheCheapestPerAcceptedImageAmongThoseAboveTheFloor() {
    List<ProviderStats> report =
        List.of(stats("flux", 12, 0.95, 0.21), stats("openai", 10, 0.9, 0.18));
    RoutingDecision d = Routing.choose(RING, POOL, AUTO, report, 0.5);
    assertThat(d.rule()).isEqualTo(Routing.AUTO_CHEAPEST);
    assertThat(d.chain()).containsExactly("openai", "flux");
    assertThat(d.reason())
        .isEqualTo(
            "openai: $0.1800 per accepted image, fidelity 90% >= floor 80% over 10 judged images");
    assertThat(d.evidence()).extracting(ProviderStats::provider).containsExactly("flux", "openai");

    // A cheaper provider below the floor is passed over, however cheap.
    List<ProviderStats> cheapButWrong =
        List.of(stats("flux", 40, 0.5, 0.05), stats("openai", 10, 0.9, 0.18));
    assertThat(Routing.choose(RING, POOL, AUTO, cheapButWrong, 0.5).provider()).isEqualTo("openai");
  }

  @Test
  void autoExploresTheOthersOnItsShareOfDrawsAndOnlyThen() {
    List<ProviderStats> report =
        List.of(
            stats("studio", 10, 0.85, 0.01),
            stats("flux", 12, 0.95, 0.21),
            stats("openai", 10, 0.9, 0.18));
    List<String> pool = List.of("studio", "flux", "openai");
    assertThat(Routing.choose(RING, pool, AUTO, report, 0.10).rule())
        .isEqualTo(Routing.AUTO_CHEAPEST);
    RoutingDecision low = Routing.choose(RING, pool, AUTO, report, 0.01);
    RoutingDecision high = Routing.choose(RING, pool, AUTO, report, 0.099);
    assertThat(low.rule()).isEqualTo(Routing.AUTO_EXPLORE);
    assertThat(low.provider()).isEqualTo("flux");
    assertThat(high.provider()).isEqualTo("openai");
    assertThat(high.reason())
        .contains("draw 0.099 < explore share 0.10: exploring openai instead of studio");
  }

  @Test
  void whenNoSampledProviderClearsTheFloorAutoTakesTheMostFaithful() {
    List<ProviderStats> report =
        List.of(stats("flux", 10, 0.4, 0.05), stats("openai", 10, 0.7, 0.3));
    RoutingDecision d = Routing.choose(RING, POOL, AUTO, report, 0.5);
    assertThat(d.rule()).isEqualTo(Routing.AUTO_BELOW_FLOOR);
    assertThat(d.provider()).isEqualTo("openai");
  }

  @Test
  void whenNoneClearsTheFloorAndNonePassesEveryCheckTheOneWithMoreChecksRightWins() {
    ProviderStats wrongMetal =
        new ProviderStats(
            "flux",
            List.of(),
            RING,
            4,
            0,
            4,
            0,
            Map.of("metal-tone", 0.0, "silhouette", 0.0),
            0,
            0,
            null,
            1,
            0,
            0,
            0,
            0.16,
            null);
    ProviderStats rightMetal =
        new ProviderStats(
            "openai",
            List.of(),
            RING,
            4,
            0,
            4,
            0,
            Map.of("metal-tone", 1.0, "silhouette", 0.0),
            0,
            0,
            null,
            1,
            0,
            0,
            0,
            0.68,
            null);
    RoutingDecision d =
        Routing.choose(
            RING, POOL, RoutingPolicy.auto(0.5, 4, 0), List.of(wrongMetal, rightMetal), 0.5);
    assertThat(d.rule()).isEqualTo(Routing.AUTO_BELOW_FLOOR);
    assertThat(d.provider()).isEqualTo("openai");
    assertThat(d.reason())
        .endsWith("openai is the most faithful (50% of its fidelity checks pass)");
  }

  @Test
  void aProviderAboveTheFloorWithNothingAcceptedYetStillBeatsOnesBelowIt() {
    List<ProviderStats> report =
        List.of(stats("flux", 10, 0.2, 0.05), stats("openai", 10, 0.9, null));
    RoutingDecision d = Routing.choose(RING, POOL, AUTO, report, 0.5);
    assertThat(d.rule()).isEqualTo(Routing.AUTO_CHEAPEST);
    assertThat(d.provider()).isEqualTo("openai");
    assertThat(d.reason()).contains("no image accepted yet");
  }

  @Test
  void theSameInputsAlwaysGiveTheSameDecision() {
    List<ProviderStats> report =
        List.of(stats("flux", 12, 0.95, 0.21), stats("openai", 10, 0.9, 0.18));
    for (double draw : new double[] {0.0, 0.05, 0.5, 0.999}) {
      assertThat(Routing.choose(RING, POOL, AUTO, report, draw))
          .isEqualTo(Routing.choose(RING, POOL, AUTO, report, draw));
    }
  }

  private static ProductSpec product(String type, boolean stones) {
    return new ProductSpec(
        "P1",
        "piece",
        type,
        "18k yellow gold",
        stones ? List.of(new Stone("diamond", 1, "round brilliant", "colourless")) : List.of(),
        null,
        null);
  }
}
