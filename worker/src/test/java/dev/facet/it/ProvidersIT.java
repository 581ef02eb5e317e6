package dev.facet.it;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.devkit.providers.FakeProviderServer;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.temporal.DevServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar driving the paid providers over HTTP, against the fake that follows their
 * published contracts: keys and base URLs from configuration, FLUX first, OpenAI when FLUX runs out
 * of credit, and every image paid for once.
 */
class ProvidersIT {

  private static final String FLUX_KEY = "bfl-test-5f0c1e";
  private static final String OPENAI_KEY = "sk-test-9a4d27";

  @TempDir Path data;

  @Test
  void aShootFallsBackFromFluxToOpenAiWhenFluxRunsOutOfCreditAndPaysForEachImageOnce()
      throws Exception {
    try (DevServer temporal = RealStack.devServer(data.resolve("temporal"));
        FakeProviderServer providers = FakeProviderServer.start()) {
      // Kontext [pro] costs 4 credits: two of the four variants fit, the others get a 402.
      providers.bfl().apiKey(FLUX_KEY).credits(8);
      providers.openAi().apiKey(OPENAI_KEY);
      int apiPort = RealStack.freePort();
      FacetApi api = new FacetApi(apiPort);
      try (FacetProcess app =
          FacetProcess.start(
              data.resolve("serve.log"),
              "serve",
              FacetProcess.serveArgs(
                  data.resolve("facet"),
                  apiPort,
                  RealStack.freePort(),
                  temporal,
                  "--facet.providers.flux.api-key=" + FLUX_KEY,
                  "--facet.providers.flux.base-url=" + providers.bflBaseUrl(),
                  "--facet.providers.openai.api-key=" + OPENAI_KEY,
                  "--facet.providers.openai.base-url=" + providers.openAiBaseUrl()))) {
        api.awaitUp();

        JsonNode photos = api.upload("P01-front.jpg", "front", "P01-side.jpg", "side");
        String sku = "PROV-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> started =
            api.post(
                "/shoots",
                """
            {"product": {"sku": "%s", "name": "Solitaire", "type": "ring", "metal": "18k yellow gold"},
             "photos": [{"key": "%s", "angle": "front"}, {"key": "%s", "angle": "side"}],
             "policy": {"approval": "manual", "variants": 2, "providers": ["flux", "openai"]}}
            """
                    .formatted(
                        sku, photos.get(0).get("key").asText(), photos.get(1).get("key").asText()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

        JsonNode waiting = api.awaitStage(sku, "AWAITING_SELECTION");
        Map<String, Long> byProvider =
            StreamSupport.stream(waiting.get("candidates").spliterator(), false)
                .collect(groupingBy(v -> v.get("candidate").get("provider").asText(), counting()));
        assertThat(byProvider).as(waiting.toString()).isEqualTo(Map.of("flux", 2L, "openai", 2L));
        assertThat(providers.billed()).isEqualTo(Map.of("flux", 2, "openai", 2));
        assertThat(waiting.get("alerts").toString()).contains("flux");
        assertThat(waiting.get("costUsd").asDouble()).isPositive();
        System.out.printf(
            "%s: candidates by provider %s, billed %s, cost $%.2f%n",
            sku, byProvider, providers.billed(), waiting.get("costUsd").asDouble());

        // The keys reach the providers and nothing else: not the history, not the log.
        String history =
            RealStack.client(temporal)
                .fetchHistory(ProductShootWorkflow.workflowId(sku))
                .toJson(false);
        assertThat(history).contains("flux").doesNotContain(FLUX_KEY, OPENAI_KEY);
        assertThat(Files.readString(data.resolve("serve.log")))
            .contains("provider flux is unusable")
            .doesNotContain(FLUX_KEY, OPENAI_KEY);
      }
    }
  }
}
