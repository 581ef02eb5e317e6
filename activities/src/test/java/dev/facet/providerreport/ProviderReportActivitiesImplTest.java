package dev.facet.providerreport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.routing.ImageEvidence;
import dev.facet.routing.ProviderReport;
import dev.facet.routing.ShootEvidence;
import dev.facet.testing.CountingStore;
import dev.facet.testing.EmbeddedS3Extension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ProviderReportActivitiesImplTest {

  @RegisterExtension static final EmbeddedS3Extension s3 = new EmbeddedS3Extension();

  private final CountingStore store = new CountingStore(s3.store());
  private final ProviderReportActivitiesImpl reports =
      new ProviderReportActivitiesImpl(store, Duration.ZERO, Clock.systemUTC());

  @BeforeEach
  void emptyFolder() {
    s3.store().list(ProviderReportKeys.FOLDER).forEach(s3.store()::delete);
  }

  @Test
  void aRecomputationReadsOnlyTheEvidenceItHasNotReadBefore() {
    for (int i = 1; i <= 3; i++) {
      reports.recordProviderEvidence(shoot("R" + i));
    }
    assertThat(reports.writeProviderReport().shoots()).isEqualTo(3);
    assertThat(store.downloads().getAndSet(0)).isEqualTo(3);

    reports.recordProviderEvidence(shoot("R4"));
    assertThat(reports.writeProviderReport().shoots()).isEqualTo(4);
    assertThat(store.downloads().get()).isEqualTo(1);
  }

  @Test
  void deletedEvidenceLeavesTheReport() {
    reports.recordProviderEvidence(shoot("R1"));
    reports.recordProviderEvidence(shoot("R2"));
    reports.writeProviderReport();

    s3.store().delete(ProviderReportKeys.evidence("shoot-R1", "run-1"));
    reports.writeProviderReport();

    ProviderReport report = reports.current();
    assertThat(report.shoots()).isEqualTo(1);
    assertThat(report.category("all"))
        .singleElement()
        .satisfies(row -> assertThat(row.images()).isEqualTo(1));
  }

  private static ShootEvidence shoot(String sku) {
    return new ShootEvidence(
        "shoot-" + sku,
        "run-1",
        sku,
        "",
        "ring/stone-heavy",
        "PUBLISHED",
        true,
        null,
        List.of(
            new ImageEvidence(
                "r1-hero-v1",
                1,
                "hero",
                "flux",
                "flux-kontext-pro",
                0.04,
                9_000,
                Map.of("metal-tone", true),
                true,
                null,
                false,
                null)),
        List.of());
  }
}
