package dev.facet.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.facet.FacetApplication;
import dev.facet.FacetProperties;
import dev.facet.app.security.LocalAdminKey;
import dev.facet.devkit.providers.FakeProviderServer;
import dev.facet.testing.TestHttp;
import dev.facet.testing.TestImages;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Health, probes and {@code /actuator/prometheus} of the real application: the real shoot workflow
 * and steps on the in-process Temporal server, generating with OpenAI's fake so there is a cost.
 */
@SpringBootTest(
    classes = FacetApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "facet.temporal.mode=in-process",
      "facet.temporal.port=0",
      "facet.data=target/test-data/${random.uuid}",
      "facet.providers.openai.api-key=" + HealthAndMetricsTest.OPENAI_KEY
    })
class HealthAndMetricsTest {

  static final String OPENAI_KEY = "sk-test-metrics";
  static final FakeProviderServer PROVIDERS = FakeProviderServer.start();

  @DynamicPropertySource
  static void openAiFake(DynamicPropertyRegistry properties) {
    PROVIDERS.openAi().apiKey(OPENAI_KEY);
    properties.add("facet.providers.openai.base-url", () -> PROVIDERS.openAiBaseUrl().toString());
  }

  @AfterAll
  static void stopFake() {
    PROVIDERS.close();
  }

  @LocalServerPort int port;
  @Autowired FacetProperties facet;
  RestClient http;
  RestClient anonymous;

  /** With no keys configured, the app made a local admin key in its data folder. */
  @BeforeEach
  void client() {
    anonymous = TestHttp.anonymous(port);
    http = TestHttp.withKey(port, LocalAdminKey.in(facet.data()));
  }

  @Test
  void healthIsUpWithTemporalAndTheObjectStoreAndAnswersBothProbes() {
    // Probes carry no credentials.
    String health =
        anonymous.get().uri("/actuator/health").retrieve().toEntity(String.class).getBody();
    assertThat((String) JsonPath.read(health, "$.status")).isEqualTo("UP");
    assertThat((String) JsonPath.read(health, "$.components.temporal.status")).isEqualTo("UP");
    assertThat((String) JsonPath.read(health, "$.components.objectStore.status")).isEqualTo("UP");

    ResponseEntity<String> readiness = get("/actuator/health/readiness");
    assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> ready = JsonPath.read(readiness.getBody(), "$.components");
    assertThat(ready).containsOnlyKeys("readinessState", "temporal", "objectStore");

    ResponseEntity<String> liveness = get("/actuator/health/liveness");
    assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((String) JsonPath.read(liveness.getBody(), "$.status")).isEqualTo("UP");
    Map<String, Object> live = JsonPath.read(liveness.getBody(), "$.components");
    assertThat(live).containsOnlyKeys("livenessState");
  }

  @Test
  void aShootShowsUpInFacetsAndTemporalsMetrics() {
    String sku = "METRICS-1";
    shootDecidedByHumans(sku);
    String state = get("/api/shoots/" + sku).getBody();
    List<Map<String, Object>> checks = JsonPath.read(state, "$.qa[*].checks[*]");
    double costUsd = ((Number) JsonPath.read(state, "$.costUsd")).doubleValue();
    assertThat(costUsd).isPositive();

    // Temporal's metrics scope reports to Micrometer every 10 seconds.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              Scrape scrape = new Scrape(get("/actuator/prometheus").getBody());

              assertThat(
                      scrape.sum(
                          "facet_images_generated_total", "provider", "openai", "outcome", "ok"))
                  .isEqualTo(2); // two shots, one variant each
              assertThat(scrape.sum("facet_generation_latency_seconds_count", "provider", "openai"))
                  .isEqualTo(2);
              assertThat(scrape.sum("facet_generation_latency_seconds_sum", "provider", "openai"))
                  .isPositive();
              assertThat(scrape.sum("facet_provider_cost_microusd_total", "provider", "openai"))
                  .isCloseTo(costUsd * 1_000_000, org.assertj.core.data.Offset.offset(1.0));
              for (Map<String, Object> check : checks) {
                String outcome = (Boolean) check.get("passed") ? "passed" : "failed";
                assertThat(
                        scrape.sum(
                            "facet_qa_checks_total",
                            "check",
                            (String) check.get("name"),
                            "outcome",
                            outcome))
                    .as("QA check %s %s", check.get("name"), outcome)
                    .isGreaterThanOrEqualTo(1);
              }
              assertThat(
                      scrape.sum(
                          "facet_human_wait_seconds_count",
                          "decision_point",
                          "selection",
                          "outcome",
                          "decided",
                          "workflow_type",
                          "ProductShoot"))
                  .isEqualTo(1);
              assertThat(scrape.sum("facet_human_wait_seconds_count", "decision_point", "approval"))
                  .isEqualTo(1);
              assertThat(scrape.sum("facet_human_wait_seconds_sum", "decision_point", "approval"))
                  .isPositive();

              assertThat(
                      scrape.sum(
                          "temporal_workflow_completed_total", "workflow_type", "ProductShoot"))
                  .isGreaterThanOrEqualTo(1);
              assertThat(
                      scrape.sum("temporal_request_total", "operation", "StartWorkflowExecution"))
                  .isGreaterThanOrEqualTo(1);
              assertThat(
                      scrape.sum(
                          "temporal_activity_execution_latency_seconds_count",
                          "activity_type",
                          "Generate",
                          "task_queue",
                          "facet-generate-openai"))
                  .isEqualTo(2);
            });
  }

  /** Upload, start (manual), select the best of each shot, approve, and wait until published. */
  private void shootDecidedByHumans(String sku) {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts.part("photos", photo("P01_capture_1.jpg")).contentType(MediaType.IMAGE_JPEG);
    parts.part("photos", photo("P01_capture_3.jpg")).contentType(MediaType.IMAGE_JPEG);
    parts.part("angle", "front");
    parts.part("angle", "side");
    ResponseEntity<String> uploaded =
        http.post()
            .uri("/api/uploads")
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(parts.build())
            .retrieve()
            .toEntity(String.class);
    assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
    List<String> keys = JsonPath.read(uploaded.getBody(), "$[*].key");

    ResponseEntity<String> started =
        post(
            "/api/shoots",
            """
        {"product": {"sku": "%s", "name": "Solitaire", "type": "ring", "metal": "18k yellow gold"},
         "photos": [{"key": "%s", "angle": "front"}, {"key": "%s", "angle": "side"}],
         "policy": {"approval": "manual", "variants": 1, "channels": ["master"], "providers": ["openai"]}}
        """
                .formatted(sku, keys.get(0), keys.get(1)));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);

    String waiting = awaitStage(sku, "AWAITING_SELECTION");
    Map<String, String> best = new HashMap<>();
    List<Map<String, Object>> candidates =
        JsonPath.read(waiting, "$.candidates[?(@.rank == 1)].candidate");
    candidates.forEach(c -> best.put((String) c.get("shot"), (String) c.get("id")));
    String shots =
        best.entrySet().stream()
            .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
            .reduce((a, b) -> a + ", " + b)
            .orElseThrow();
    assertDecided(
        sku, "{\"action\": \"select\", \"selections\": {" + shots + "}, \"reviewer\": \"ana\"}");
    awaitStage(sku, "AWAITING_APPROVAL");
    assertDecided(sku, "{\"action\": \"approve\", \"reviewer\": \"ben\"}");
    awaitStage(sku, "PUBLISHED");
  }

  private void assertDecided(String sku, String decision) {
    ResponseEntity<String> response = post("/api/shoots/" + sku + "/decisions", decision);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
  }

  private String awaitStage(String sku, String stage) {
    return await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> get("/api/shoots/" + sku).getBody(),
            body -> body != null && body.contains("\"stage\":\"" + stage + "\""));
  }

  private static ByteArrayResource photo(String name) {
    return new ByteArrayResource(TestImages.photo(name)) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  private ResponseEntity<String> get(String path) {
    return http.get().uri(path).retrieve().toEntity(String.class);
  }

  private ResponseEntity<String> post(String path, String json) {
    return http.post()
        .uri(path)
        .contentType(MediaType.APPLICATION_JSON)
        .body(json)
        .retrieve()
        .toEntity(String.class);
  }
}
