package dev.facet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.devkit.providers.FakeProviderServer;
import dev.facet.temporal.DevServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many shoots at once against both paid providers while they misbehave per request: 5xx, 429 with
 * Retry-After, dropped connections (before and after the charge) and moderation. Every shoot must
 * end in a defined state, and every charge must be an image a reviewer sees, except those the
 * provider took while the answer was lost or refused: {@code billed - lost == delivered}. Every
 * charge is on the shoots' ledgers, with one maybe-billed line too many per connection dropped
 * before the provider took the request: from the outside the two drops look the same.
 *
 * <p>Size: {@code -Dfacet.soak.shoots=N} (default 20), {@code -Dfacet.soak.variants=N} (default 4),
 * {@code -Dfacet.soak.minutes=N}: how long all of them may take (default 10).
 */
class ProviderSoakIT {

  private static final String FLUX_KEY = "bfl-soak-31e9";
  private static final String OPENAI_KEY = "sk-soak-77b2";
  private static final int SHOOTS = Integer.getInteger("facet.soak.shoots", 20);
  private static final int VARIANTS = Integer.getInteger("facet.soak.variants", 4);
  private static final Duration BOUND =
      Duration.ofMinutes(Integer.getInteger("facet.soak.minutes", 10));
  private static final Set<String> SETTLED = Set.of("AWAITING_SELECTION", "FAILED");

  @TempDir Path data;

  @Test
  void shootsUnderProviderFaultsAllSettleAndPayOnlyForWhatTheyGet() throws Exception {
    try (DevServer temporal = RealStack.devServer(data.resolve("temporal"));
        FakeProviderServer providers = FakeProviderServer.start()) {
      faults(providers);
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
                  "--facet.providers.openai.base-url=" + providers.openAiBaseUrl(),
                  // Paid generations wait on the network, not the CPU (FLUX defaults to 24).
                  "--facet.worker.generators.openai.max-concurrent=8"))) {
        api.awaitUp();
        JsonNode photos = api.upload("P01-front.jpg", "front", "P01-side.jpg", "side");

        Instant start = Instant.now();
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < SHOOTS; i++) {
          String sku = "SOAK-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
          // Half the shoots try FLUX first, half OpenAI first; the studio is the last resort.
          String chain =
              i % 2 == 0 ? "\"flux\", \"openai\", \"studio\"" : "\"openai\", \"flux\", \"studio\"";
          HttpResponse<String> started =
              api.post(
                  "/shoots",
                  """
              {"product": {"sku": "%s", "name": "Solitaire", "type": "ring", "metal": "18k yellow gold"},
               "photos": [{"key": "%s", "angle": "front"}, {"key": "%s", "angle": "side"}],
               "policy": {"approval": "manual", "variants": %d, "providers": [%s]}}
              """
                      .formatted(
                          sku,
                          photos.get(0).get("key").asText(),
                          photos.get(1).get("key").asText(),
                          VARIANTS,
                          chain));
          assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
          skus.add(sku);
        }

        Map<String, JsonNode> settled = new LinkedHashMap<>();
        Map<String, Duration> took = new LinkedHashMap<>();
        RealStack.await(
            SHOOTS + " shoots to settle",
            BOUND,
            () -> {
              for (String sku : skus) {
                if (!settled.containsKey(sku)) {
                  JsonNode state = api.get("/shoots/" + sku);
                  if (state != null && SETTLED.contains(state.path("stage").asText())) {
                    settled.put(sku, state);
                    took.put(sku, Duration.between(start, Instant.now()));
                  }
                }
              }
              return settled.size() == skus.size();
            });
        Duration wall = Duration.between(start, Instant.now());

        Map<String, Integer> byStage = new TreeMap<>();
        Map<String, Integer> candidates = new TreeMap<>();
        Map<String, Integer> fallbacks = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int attempts = 0;
        Map<String, Integer> onLedger = new TreeMap<>();
        for (JsonNode state : settled.values()) {
          state
              .path("spend")
              .forEach(
                  spend ->
                      onLedger.merge(
                          spend.path("provider").asText(),
                          spend.path("charges").asInt(),
                          Integer::sum));
          String stage = state.path("stage").asText();
          byStage.merge(stage, 1, Integer::sum);
          if (stage.equals("FAILED")) {
            assertThat(state.path("failure").asText()).as("a failed shoot says why").isNotBlank();
            failures.add(state.path("sku").asText() + ": " + state.path("failure").asText());
          }
          state
              .path("candidates")
              .forEach(
                  v ->
                      candidates.merge(
                          v.path("candidate").path("provider").asText(), 1, Integer::sum));
          state
              .path("fallbacks")
              .forEach(
                  f ->
                      fallbacks.merge(
                          f.path("from").asText() + "->" + f.path("to").asText(null),
                          1,
                          Integer::sum));
          for (JsonNode attempt : state.path("attempts")) {
            if (attempt.path("step").asText().equals("generate")) {
              attempts += attempt.path("attempts").asInt();
            }
          }
        }

        Map<String, Integer> billed = providers.billed();
        Map<String, Integer> fluxBilledBy = providers.bfl().billedBy();
        Map<String, Integer> openAiBilledBy = providers.openAi().billedBy();
        // A charge makes an image only when the answer reached the worker and the task ended Ready.
        int fluxLost = billed.get("flux") - fluxBilledBy.getOrDefault("ok/Ready", 0);
        int openAiLost = billed.get("openai") - openAiBilledBy.getOrDefault("ok", 0);
        int fluxDelivered = candidates.getOrDefault("flux", 0);
        int openAiDelivered = candidates.getOrDefault("openai", 0);
        int paidBilled = billed.get("flux") + billed.get("openai");
        int delivered = fluxDelivered + openAiDelivered;
        int lost = fluxLost + openAiLost;
        long slowest = took.values().stream().mapToLong(Duration::toSeconds).max().orElse(0);

        System.out.printf(
            "provider soak: %d shoots x %d variants x 2 shots in %d s (slowest %d s)%n",
            SHOOTS, VARIANTS, wall.toSeconds(), slowest);
        System.out.printf("  shoots by stage %s%n", byStage);
        System.out.printf(
            "  candidates by provider %s; generate attempts %d%n", candidates, attempts);
        System.out.printf(
            "  fallbacks %d %s%n",
            fallbacks.values().stream().mapToInt(Integer::intValue).sum(), fallbacks);
        System.out.printf(
            "  billed %s; flux by submit/outcome %s; openai by scenario %s%n",
            billed, fluxBilledBy, openAiBilledBy);
        System.out.printf(
            "  paid: billed %d, delivered %d (flux %d, openai %d), billed / delivered %.2f;"
                + " lost after the charge %d (flux %d, openai %d), (billed - lost) / delivered %.2f%n",
            paidBilled,
            delivered,
            fluxDelivered,
            openAiDelivered,
            delivered == 0 ? Double.NaN : paidBilled / (double) delivered,
            lost,
            fluxLost,
            openAiLost,
            delivered == 0 ? Double.NaN : (paidBilled - lost) / (double) delivered);
        int fluxDropped = providers.bfl().submitsBy().getOrDefault("drop", 0);
        int openAiDropped = providers.openAi().requestsBy().getOrDefault("drop", 0);
        System.out.printf(
            "  on the ledger %s: billed + dropped before the charge (flux %d," + " openai %d)%n",
            onLedger, fluxDropped, openAiDropped);
        failures.forEach(f -> System.out.println("  failed " + f));

        assertThat(settled).hasSize(SHOOTS);
        assertThat(delivered).isPositive();
        // Each shot's candidates are delivered only when every shot has one: a failed shoot keeps
        // what it paid for out of sight. With the studio as the last resort none should fail.
        assertThat(failures).as("failed shoots").isEmpty();
        assertThat(candidates.values().stream().mapToInt(Integer::intValue).sum())
            .isEqualTo(SHOOTS * VARIANTS * 2);
        assertThat(fluxBilledBy.getOrDefault("ok/Ready", 0))
            .as("FLUX charges that made an image")
            .isEqualTo(fluxDelivered);
        assertThat(openAiBilledBy.getOrDefault("ok", 0))
            .as("OpenAI charges that made an image")
            .isEqualTo(openAiDelivered);
        assertThat(onLedger.getOrDefault("flux", 0))
            .as("FLUX charges on the ledger")
            .isEqualTo(billed.get("flux") + fluxDropped);
        assertThat(onLedger.getOrDefault("openai", 0))
            .as("OpenAI charges on the ledger")
            .isEqualTo(billed.get("openai") + openAiDropped);
      }
    }
  }

  /**
   * Per request on both providers: 20 % 5xx (500, 503), 10 % 429 with Retry-After, 5 % dropped
   * connections (half before the charge, half after it), 2 % moderation.
   */
  private static void faults(FakeProviderServer providers) {
    providers
        .bfl()
        .apiKey(FLUX_KEY)
        .credits(1_000_000)
        .progress(2, Duration.ofSeconds(30))
        .retryAfterOn429(Duration.ofSeconds(2))
        .errorRate("server_error", 0.10)
        .errorRate("overloaded", 0.10)
        .errorRate("rate_limited", 0.10)
        .errorRate("drop", 0.025)
        .errorRate("drop_after_accept", 0.025);
    // BFL moderates a task, not a submit: 2 % of the tasks end moderated (seeded).
    Random draw = new Random(7);
    String[] outcomes = new String[SHOOTS * VARIANTS * 2 * 4];
    for (int i = 0; i < outcomes.length; i++) {
      double p = draw.nextDouble();
      outcomes[i] = p < 0.01 ? "Request Moderated" : p < 0.02 ? "Content Moderated" : "Ready";
    }
    providers.bfl().outcomes(outcomes);
    providers
        .openAi()
        .apiKey(OPENAI_KEY)
        .retryAfter(Duration.ofSeconds(2))
        .errorRate("server_error", 0.10)
        .errorRate("overloaded", 0.10)
        .errorRate("rate_limited", 0.10)
        .errorRate("drop", 0.025)
        .errorRate("drop_after_accept", 0.025)
        .errorRate("moderation_blocked", 0.02);
  }
}
