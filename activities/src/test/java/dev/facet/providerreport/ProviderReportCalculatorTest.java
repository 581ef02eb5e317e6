package dev.facet.providerreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.facet.routing.FailedGeneration;
import dev.facet.routing.ImageEvidence;
import dev.facet.routing.ProviderReport;
import dev.facet.routing.ProviderStats;
import dev.facet.routing.ShootEvidence;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderReportCalculatorTest {

  static final String RING = "ring/stone-heavy";

  @Test
  void aBakeoffShootIsCountedPerProviderWithVotesRejectionsTimesAndCostPerAcceptedImage() {
    ShootEvidence bakeoff =
        new ShootEvidence(
            "shoot-R1",
            "run-1",
            "R1",
            "",
            RING,
            "PUBLISHED",
            true,
            null,
            List.of(
                // flux: best hero judged with a shifted metal, the other variant not judged
                image(
                    "r1-hero-v3",
                    "flux",
                    0.04,
                    8_000,
                    Map.of("metal-tone", false, "silhouette", true),
                    null,
                    false,
                    null),
                image("r1-hero-v4", "flux", 0.04, 12_000, Map.of(), null, false, null),
                // openai: its best hero judged, selected by the reviewer over flux, approved
                image(
                    "r1-hero-v1",
                    "openai",
                    0.17,
                    30_000,
                    Map.of("metal-tone", true, "silhouette", true),
                    "human",
                    true,
                    "accepted"),
                image("r1-hero-v2", "openai", 0.17, 40_000, Map.of(), null, false, null)),
            List.of(new FailedGeneration(1, "hero", "flux", "ProviderModerated")));
    ShootEvidence routed =
        new ShootEvidence(
            "shoot-R2",
            "run-1",
            "R2",
            "",
            RING,
            "REJECTED",
            false,
            null,
            List.of(
                image(
                    "r1-hero-v1",
                    "openai",
                    0.17,
                    20_000,
                    Map.of("metal-tone", true, "silhouette", true),
                    "policy",
                    false,
                    "rejected")),
            List.of());

    ProviderReport report =
        ProviderReportCalculator.compute(
            List.of(bakeoff, routed), Instant.parse("2026-11-28T14:00:00Z"));

    assertThat(report.shoots()).isEqualTo(2);
    assertThat(report.rows())
        .extracting(ProviderStats::category, ProviderStats::provider)
        .containsExactly(
            tuple(RING, "flux"), tuple(RING, "openai"),
            tuple("all", "flux"), tuple("all", "openai"));
    ProviderStats flux = report.category(RING).get(0);
    assertThat(flux.images()).isEqualTo(2);
    assertThat(flux.failedGenerations()).isEqualTo(1);
    assertThat(flux.judged()).isEqualTo(1);
    assertThat(flux.accepted()).isZero();
    assertThat(flux.checkPassRate())
        .containsEntry("metal-tone", 0.0)
        .containsEntry("silhouette", 1.0);
    assertThat(flux.fidelityPassRate()).isZero();
    assertThat(flux.rejectionRate()).isEqualTo(1.0);
    assertThat(flux.costPerAcceptedUsd()).isNull();
    assertThat(flux.selectionShare()).isEqualTo(0.0);

    ProviderStats openai = report.category(RING).get(1);
    assertThat(openai.images()).isEqualTo(3);
    assertThat(openai.judged()).isEqualTo(2);
    assertThat(openai.accepted()).isEqualTo(1); // the reviewer rejected the routed shoot's image
    assertThat(openai.fidelityPassRate()).isEqualTo(1.0);
    assertThat(openai.humanVotes()).isEqualTo(1);
    assertThat(openai.selectionShare()).isEqualTo(1.0);
    assertThat(openai.rejectionRate()).isEqualTo(0.5);
    assertThat(openai.regenerationRate()).isEqualTo(0.5);
    assertThat(openai.p50Millis()).isEqualTo(30_000);
    assertThat(openai.p95Millis()).isEqualTo(40_000);
    // Every image it made, the unselected and the rejected ones too, over the one accepted.
    assertThat(openai.costPerAcceptedUsd()).isCloseTo(0.51, within(1e-9));

    String csv = new String(ProviderReportFormat.csv(report), StandardCharsets.UTF_8);
    assertThat(csv.lines().findFirst().orElseThrow())
        .startsWith(
            "category,provider,models,images,failed_generations,judged,accepted,metal_tone_pass_rate");
    assertThat(csv).contains("ring/stone-heavy,openai,,3,0,2,1,1.0000,");
    assertThat(ProviderReportFormat.table(report))
        .contains("ring/stone-heavy", "$0.5100", "2 finished shoots");
  }

  @Test
  void twoModelsOfOneProviderHaveARowEachAndEveryRowNamesTheModelsBehindIt() {
    Map<String, Boolean> faithful = Map.of("metal-tone", true, "silhouette", true);
    Map<String, Boolean> shifted = Map.of("metal-tone", false, "silhouette", true);
    ShootEvidence bakeoff =
        new ShootEvidence(
            "shoot-R1",
            "run-1",
            "R1",
            "",
            RING,
            "PUBLISHED",
            true,
            null,
            List.of(
                image(
                    "r1-hero-v1",
                    "flux:flux-pro-1.1",
                    "flux-pro-1.1",
                    0.04,
                    shifted,
                    null,
                    false,
                    null),
                image(
                    "r1-hero-v2",
                    "flux:flux-kontext-pro",
                    "flux-kontext-pro",
                    0.04,
                    faithful,
                    "human",
                    true,
                    "accepted")),
            List.of());
    // Asked as plain "flux", made by whatever the worker's default model was at the time.
    ShootEvidence before =
        new ShootEvidence(
            "shoot-R2",
            "run-1",
            "R2",
            "",
            RING,
            "PUBLISHED",
            false,
            null,
            List.of(
                image(
                    "r1-hero-v1",
                    "flux",
                    "flux-kontext-pro",
                    0.04,
                    faithful,
                    "policy",
                    false,
                    "accepted")),
            List.of());
    ShootEvidence after =
        new ShootEvidence(
            "shoot-R3",
            "run-1",
            "R3",
            "",
            RING,
            "PUBLISHED",
            false,
            null,
            List.of(
                image(
                    "r1-hero-v1",
                    "flux",
                    "flux-pro-1.1",
                    0.04,
                    shifted,
                    "policy",
                    false,
                    "accepted")),
            List.of());

    ProviderReport report =
        ProviderReportCalculator.compute(
            List.of(bakeoff, before, after), Instant.parse("2026-11-28T14:00:00Z"));

    assertThat(report.category(RING))
        .extracting(ProviderStats::provider, ProviderStats::models, ProviderStats::fidelityPassRate)
        .containsExactly(
            tuple("flux", List.of("flux-kontext-pro", "flux-pro-1.1"), 0.5),
            tuple("flux:flux-kontext-pro", List.of("flux-kontext-pro"), 1.0),
            tuple("flux:flux-pro-1.1", List.of("flux-pro-1.1"), 0.0));
    assertThat(report.category(RING).get(1).selectionShare()).isEqualTo(1.0);
    assertThat(new String(ProviderReportFormat.csv(report), StandardCharsets.UTF_8))
        .contains("ring/stone-heavy,flux,flux-kontext-pro flux-pro-1.1,2,")
        .contains("ring/stone-heavy,flux:flux-pro-1.1,flux-pro-1.1,1,");
    assertThat(ProviderReportFormat.table(report))
        .contains("flux [flux-kontext-pro, flux-pro-1.1]", "flux:flux-pro-1.1 ");
  }

  static ImageEvidence image(
      String id,
      String provider,
      double cost,
      long millis,
      Map<String, Boolean> checks,
      String selectedBy,
      boolean contested,
      String verdict) {
    return evidence(id, provider, null, cost, millis, checks, selectedBy, contested, verdict);
  }

  static ImageEvidence image(
      String id,
      String provider,
      String model,
      double cost,
      Map<String, Boolean> checks,
      String selectedBy,
      boolean contested,
      String verdict) {
    return evidence(id, provider, model, cost, 10_000, checks, selectedBy, contested, verdict);
  }

  private static ImageEvidence evidence(
      String id,
      String provider,
      String model,
      double cost,
      long millis,
      Map<String, Boolean> checks,
      String selectedBy,
      boolean contested,
      String verdict) {
    return new ImageEvidence(
        id,
        1,
        "hero",
        provider,
        model,
        cost,
        millis,
        checks,
        !checks.isEmpty() && !checks.containsValue(false),
        selectedBy,
        contested,
        verdict);
  }
}
