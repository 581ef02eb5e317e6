package dev.facet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.temporal.DevServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Temporal CLI commands, run for real: a shoot started, read, decided and approved
 * with the {@code temporal} CLI alone (plain JSON in), against the dev server and the jar's worker.
 */
class TemporalCliIT {

  @TempDir Path data;

  private DevServer temporal;

  @Test
  void aShootStartedQueriedDecidedAndApprovedFromTheTemporalCliPublishes() throws Exception {
    try (DevServer server = RealStack.devServer(data.resolve("temporal"))) {
      temporal = server;
      int apiPort = RealStack.freePort();
      FacetApi api = new FacetApi(apiPort);
      try (FacetProcess app =
          FacetProcess.start(
              data.resolve("serve.log"),
              "serve",
              FacetProcess.serveArgs(
                  data.resolve("facet"), apiPort, RealStack.freePort(), server))) {
        api.awaitUp();
        String photo = api.upload("P01-front.jpg", "front").get(0).get("key").asText();
        String sku = "CLI-" + UUID.randomUUID().toString().substring(0, 8);
        String workflowId = "shoot-" + sku;

        cli(
            "workflow",
            "start",
            "--task-queue",
            "facet-shoot",
            "--type",
            "ProductShoot",
            "--workflow-id",
            workflowId,
            "--input",
            """
            {"product": {"sku": "%s", "name": "Solitaire", "type": "ring", "metal": "18k yellow gold"},
             "photos": [{"key": "%s", "angle": "front"}],
             "policy": {"variants": 2, "channels": ["master"]}}"""
                .formatted(sku, photo));

        JsonNode waiting = awaitStage(workflowId, "AWAITING_SELECTION");
        Map<String, String> best = new HashMap<>();
        waiting
            .get("candidates")
            .forEach(
                v -> {
                  if (v.get("rank").asInt() == 1) {
                    best.put(
                        v.get("candidate").get("shot").asText(),
                        v.get("candidate").get("id").asText());
                  }
                });
        String selections = FacetApi.json.writeValueAsString(best);

        Result unknown =
            run(
                "workflow",
                "update",
                "execute",
                "--workflow-id",
                workflowId,
                "--name",
                "decide",
                "--input",
                "{\"action\":\"select\",\"selections\":{\"hero\":\"r9-hero-v9\"}}");
        assertThat(unknown.exit()).as(unknown.output()).isNotZero();
        assertThat(unknown.output()).contains("r9-hero-v9");

        cli(
            "workflow",
            "update",
            "execute",
            "--workflow-id",
            workflowId,
            "--name",
            "decide",
            "--input",
            "{\"action\":\"select\",\"selections\":" + selections + ",\"reviewer\":\"ana\"}");
        awaitStage(workflowId, "AWAITING_APPROVAL");
        cli(
            "workflow",
            "signal",
            "--workflow-id",
            workflowId,
            "--name",
            "decision",
            "--input",
            "{\"action\":\"approve\",\"reviewer\":\"ben\"}");

        JsonNode published = awaitStage(workflowId, "PUBLISHED");
        assertThat(published.get("outputs")).hasSize(best.size());
        assertThat(published.get("audit").toString()).contains("ana", "ben");
      }
    }
  }

  /** {@code temporal workflow query --name state}, until the stage is reached. */
  private JsonNode awaitStage(String workflowId, String stage) {
    JsonNode[] state = new JsonNode[1];
    RealStack.await(
        workflowId + " to reach " + stage,
        Duration.ofMinutes(5),
        () -> {
          Result query =
              run(
                  "workflow",
                  "query",
                  "--workflow-id",
                  workflowId,
                  "--name",
                  "state",
                  "-o",
                  "json");
          if (query.exit() != 0) {
            return false;
          }
          try {
            JsonNode answer = FacetApi.json.readTree(query.output());
            state[0] = answer.has("queryResult") ? answer.get("queryResult").get(0) : answer;
          } catch (IOException e) {
            return false;
          }
          if ("FAILED".equals(state[0].path("stage").asText())) {
            throw new AssertionError("the shoot failed: " + state[0].path("failure").asText());
          }
          return stage.equals(state[0].path("stage").asText());
        });
    return state[0];
  }

  private void cli(String... args) {
    Result result = run(args);
    assertThat(result.exit())
        .as("temporal %s: %s", String.join(" ", args), result.output())
        .isZero();
  }

  private record Result(int exit, String output) {}

  private Result run(String... args) {
    List<String> command = new ArrayList<>(List.of(RealStack.cli().toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--address", temporal.target(), "--namespace", "default"));
    try {
      // Into a file, not a pipe: a large state must not block the CLI on a full pipe buffer.
      Path output = Files.createTempFile(data, "temporal-", ".out");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "timed out");
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run the temporal CLI", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
