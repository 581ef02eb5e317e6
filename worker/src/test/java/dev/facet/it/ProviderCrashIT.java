package dev.facet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.devkit.providers.FakeProviderServer;
import dev.facet.temporal.DevServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs the process while a shoot's paid generations are in flight. FLUX: every task is paid for
 * and still running at BFL; the next process resumes each from its checkpoint by polling it (BFL
 * has no idempotency key, so a second submit would be a second charge). OpenAI: every image request
 * is being worked on; the next process notices the dead attempts by their heartbeat within a minute
 * (not the minutes of a slow image), sends them again, and the shoot's ledger carries the lost
 * requests as maybe billed: its cost is what OpenAI bills.
 */
class ProviderCrashIT {

  private static final String FLUX_KEY = "bfl-test-c7a1d0";
  private static final String OPENAI_KEY = "sk-test-5e0b2c";
  private static final int TASKS = 4;

  /** gpt-image-2 (the default model), 1024x1024, high: the price table's figure. */
  private static final double OPENAI_PRICE = 0.21;

  @TempDir Path data;

  @Test
  void fluxTasksPaidBeforeASigkillAreResumedNotPaidAgain() throws Exception {
    try (DevServer temporal = RealStack.devServer(data.resolve("temporal"));
        FakeProviderServer providers = FakeProviderServer.start()) {
      // Tasks run for two minutes whatever the polls: still pending when the process dies, and
      // still pending when the next one resumes them (heartbeat timeout 30 s, a JVM start, retry).
      providers.bfl().apiKey(FLUX_KEY).progress(Integer.MAX_VALUE, Duration.ofSeconds(120));
      int apiPort = RealStack.freePort();
      // The same data directory and embedded S3 port for both processes: the store survives.
      String[] serve =
          FacetProcess.serveArgs(
              data.resolve("facet"),
              apiPort,
              RealStack.freePort(),
              temporal,
              "--facet.providers.flux.api-key=" + FLUX_KEY,
              "--facet.providers.flux.base-url=" + providers.bflBaseUrl(),
              "--facet.worker.generators.flux.max-concurrent=" + TASKS);
      FacetApi api = new FacetApi(apiPort);
      String sku = "CRASH-" + UUID.randomUUID().toString().substring(0, 8);

      FacetProcess first = FacetProcess.start(data.resolve("serve-1.log"), "serve", serve);
      Instant killedAt;
      int pollsBeforeKill;
      try {
        api.awaitUp();
        JsonNode photos = api.upload("P01-front.jpg", "front", "P01-side.jpg", "side");
        HttpResponse<String> started =
            api.post(
                "/shoots",
                """
            {"product": {"sku": "%s", "name": "Solitaire", "type": "ring", "metal": "18k yellow gold"},
             "photos": [{"key": "%s", "angle": "front"}, {"key": "%s", "angle": "side"}],
             "policy": {"approval": "manual", "variants": 2, "providers": ["flux"]}}
            """
                    .formatted(
                        sku, photos.get(0).get("key").asText(), photos.get(1).get("key").asText()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

        RealStack.await(
            "all " + TASKS + " FLUX tasks paid for",
            Duration.ofMinutes(4),
            () -> providers.bfl().billed() >= TASKS);
        // The checkpoint heartbeat follows the submit answer by milliseconds and precedes the first
        // poll; a kill inside that gap would lose the task id (docs/providers.md B.9), which is not
        // what this test is about. Wait until every task is being polled.
        RealStack.await(
            "every FLUX task polled",
            Duration.ofMinutes(1),
            () -> providers.bfl().tasksPolled() >= TASKS);
        assertThat(providers.bfl().activeTasks())
            .as("tasks still running at the kill")
            .isEqualTo(TASKS);
        pollsBeforeKill = providers.bfl().polls();
      } finally {
        first.kill();
      }
      killedAt = Instant.now();
      assertThat(first.alive()).isFalse();

      try (FacetProcess second = FacetProcess.start(data.resolve("serve-2.log"), "serve", serve)) {
        RealStack.await(
            "the tasks polled again",
            Duration.ofMinutes(4),
            () -> providers.bfl().polls() > pollsBeforeKill);
        Duration resumed = Duration.between(killedAt, Instant.now());
        long stillRunning = providers.bfl().activeTasks();
        JsonNode waiting = api.awaitStage(sku, "AWAITING_SELECTION");
        Duration afterKill = Duration.between(killedAt, Instant.now());
        long delivered =
            StreamSupport.stream(waiting.get("candidates").spliterator(), false)
                .filter(v -> "flux".equals(v.get("candidate").get("provider").asText()))
                .count();
        System.out.printf(
            "provider crash: FLUX billed %d for %d delivered candidates; %d polls before"
                + " the SIGKILL, %d after; polling resumed %d s after the kill with %d of %d tasks"
                + " still running; AWAITING_SELECTION %d s after the kill; cost $%.2f%n",
            providers.bfl().billed(),
            delivered,
            pollsBeforeKill,
            providers.bfl().polls() - pollsBeforeKill,
            resumed.toSeconds(),
            stillRunning,
            TASKS,
            afterKill.toSeconds(),
            waiting.get("costUsd").asDouble());
        assertThat(delivered).as(waiting.toString()).isEqualTo(TASKS);
        assertThat(providers.billed())
            .as(second.output())
            .isEqualTo(Map.of("flux", TASKS, "openai", 0));
        assertThat(providers.bfl().polls())
            .as("the new process polls the old tasks")
            .isGreaterThan(pollsBeforeKill);
        assertThat(second.output()).contains("Resuming BFL task");
        assertThat(resumed).as("polling resumed after the kill").isLessThan(Duration.ofSeconds(60));
        assertThat(waiting.get("costUsd").asDouble())
            .as("the ledger says what BFL billed")
            .isCloseTo(TASKS * 0.04, Offset.offset(1e-9));
      }
    }
  }

  @Test
  void openAiRequestsInFlightAtASigkillAreSentAgainWithinAMinuteAndLedgeredAsMaybeBilled()
      throws Exception {
    try (DevServer temporal = RealStack.devServer(data.resolve("temporal"));
        FakeProviderServer providers = FakeProviderServer.start()) {
      // An image takes 20 s: every request is still being made when the process dies.
      providers.openAi().apiKey(OPENAI_KEY).latency(Duration.ofSeconds(20));
      int apiPort = RealStack.freePort();
      String[] serve =
          FacetProcess.serveArgs(
              data.resolve("facet"),
              apiPort,
              RealStack.freePort(),
              temporal,
              "--facet.providers.openai.api-key=" + OPENAI_KEY,
              "--facet.providers.openai.base-url=" + providers.openAiBaseUrl(),
              "--facet.worker.generators.openai.max-concurrent=" + TASKS);
      FacetApi api = new FacetApi(apiPort);
      String sku = "CRASH-" + UUID.randomUUID().toString().substring(0, 8);

      FacetProcess first = FacetProcess.start(data.resolve("serve-1.log"), "serve", serve);
      Instant killedAt;
      try {
        api.awaitUp();
        JsonNode photos = api.upload("P01-front.jpg", "front", "P01-side.jpg", "side");
        HttpResponse<String> started =
            api.post(
                "/shoots",
                """
            {"product": {"sku": "%s", "name": "Solitaire", "type": "ring", "metal": "18k yellow gold"},
             "photos": [{"key": "%s", "angle": "front"}, {"key": "%s", "angle": "side"}],
             "policy": {"approval": "manual", "variants": 2, "providers": ["openai"]}}
            """
                    .formatted(
                        sku, photos.get(0).get("key").asText(), photos.get(1).get("key").asText()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        RealStack.await(
            "all " + TASKS + " image requests sent",
            Duration.ofMinutes(4),
            () -> providers.openAi().requests() >= TASKS);
        assertThat(providers.openAi().billed()).as("no image finished before the kill").isZero();
      } finally {
        first.kill();
      }
      killedAt = Instant.now();
      providers.openAi().latency(Duration.ofSeconds(1));

      try (FacetProcess second = FacetProcess.start(data.resolve("serve-2.log"), "serve", serve)) {
        RealStack.await(
            "the requests sent again",
            Duration.ofMinutes(4),
            () -> providers.openAi().requests() > TASKS);
        Duration retried = Duration.between(killedAt, Instant.now());
        JsonNode waiting = api.awaitStage(sku, "AWAITING_SELECTION");
        RealStack.await(
            "the lost requests billed too",
            Duration.ofMinutes(1),
            () -> providers.openAi().billed() >= 2 * TASKS);
        JsonNode charges = waiting.get("charges");
        long maybeBilled =
            StreamSupport.stream(charges.spliterator(), false)
                .filter(
                    c ->
                        c.get("billing").asText().equals("MAYBE_BILLED")
                            && c.get("reason").asText().equals("worker killed"))
                .count();
        System.out.printf(
            "provider crash, OpenAI: requests sent again %d s after the kill;"
                + " billed %d for %d candidates; ledger %d lines, %d maybe billed (worker killed);"
                + " cost $%.3f%n",
            retried.toSeconds(),
            providers.openAi().billed(),
            waiting.get("candidates").size(),
            charges.size(),
            maybeBilled,
            waiting.get("costUsd").asDouble());
        assertThat(retried)
            .as("the dead attempts noticed by their heartbeat")
            .isLessThan(Duration.ofSeconds(60));
        assertThat(waiting.get("candidates")).hasSize(TASKS);
        assertThat(charges).as("every request OpenAI billed").hasSize(providers.openAi().billed());
        assertThat(maybeBilled).isEqualTo(TASKS);
        assertThat(waiting.get("costUsd").asDouble())
            .as("what OpenAI bills")
            .isCloseTo(providers.openAi().billed() * OPENAI_PRICE, Offset.offset(1e-9));
      }
    }
  }
}
