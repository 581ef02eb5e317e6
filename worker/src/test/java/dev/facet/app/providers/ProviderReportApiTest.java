package dev.facet.app.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.facet.app.catalog.CatalogStart;
import dev.facet.app.policy.ShootChoices;
import dev.facet.providerreport.ProviderReportActivitiesImpl;
import dev.facet.routing.ImageEvidence;
import dev.facet.routing.ShootEvidence;
import dev.facet.shoot.ShootPolicy;
import dev.facet.storage.ObjectStore;
import dev.facet.testing.InProcessStackTest;
import dev.facet.testing.TestHttp;
import dev.facet.testing.TestKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/** {@code GET /api/reports/providers} over evidence in the object store. */
@InProcessStackTest
class ProviderReportApiTest {

  @LocalServerPort int port;
  @Autowired ObjectStore store;

  @Test
  void servesTheReportAsJsonCsvAndTable() {
    new ProviderReportActivitiesImpl(store)
        .recordProviderEvidence(
            new ShootEvidence(
                "shoot-R1",
                "run-1",
                "R1",
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
                        "studio",
                        null,
                        0,
                        2000,
                        Map.of("metal-tone", true),
                        true,
                        "human",
                        true,
                        "accepted"),
                    new ImageEvidence(
                        "r1-hero-v2",
                        1,
                        "hero",
                        "flux",
                        "flux-kontext-pro",
                        0.04,
                        9000,
                        Map.of("metal-tone", false),
                        false,
                        null,
                        false,
                        null)),
                List.of()));
    RestClient http = TestHttp.withKey(port, TestKeys.REVIEWER);

    String json = http.get().uri("/api/reports/providers?fresh=true").retrieve().body(String.class);
    assertThat(
            JsonPath.<List<String>>read(
                json, "$.rows[?(@.category == 'ring/stone-heavy')].provider"))
        .containsExactly("flux", "studio");
    assertThat(
            JsonPath.<List<Double>>read(json, "$.rows[?(@.provider == 'studio')].selectionShare"))
        .containsOnly(1.0);
    assertThat(http.get().uri("/api/reports/providers?format=csv").retrieve().body(String.class))
        .startsWith("category,provider,")
        .contains("ring/stone-heavy,flux,flux-kontext-pro,1,0,1,0,0.0000");
    assertThat(http.get().uri("/api/reports/providers?format=table").retrieve().body(String.class))
        .contains("$/accepted", "1 finished shoots");
  }

  @Test
  void aBakeoffCatalogGivesEveryShootEveryProvider() {
    ShootPolicy policy =
        new CatalogStart(
                "c",
                null,
                new byte[0],
                ShootChoices.bakeoff(List.of("studio", "flux"))
                    .withApproval(ShootPolicy.Approval.AUTO),
                null)
            .policy();
    assertThat(policy.bakeoff()).isTrue();
    assertThat(policy.providers()).containsExactly("studio", "flux");
    assertThat(policy.approval()).isEqualTo(ShootPolicy.Approval.AUTO);
  }
}
