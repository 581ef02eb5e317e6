package dev.facet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.storage.EmbeddedS3;
import dev.facet.storage.S3ObjectStore;
import dev.facet.storage.S3Settings;
import dev.facet.temporal.DevServer;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole application as users run it: the packaged jar serving the API over the real Temporal
 * dev server and the embedded S3 store. A reviewer uploads photos, starts a shoot, selects and
 * approves over HTTP; the manifest and the channel images land in S3; history stays small.
 */
class ShootIT {

  private static final ObjectMapper json = new ObjectMapper();
  private static final int KB_64 = 64 * 1024;

  @TempDir Path data;

  private final HttpClient http = HttpClient.newHttpClient();
  private String api;

  @Test
  void aShootStartedAndDecidedOverHttpPublishesItsImages() throws Exception {
    try (DevServer temporal = RealStack.devServer(data.resolve("temporal"))) {
      int apiPort = RealStack.freePort();
      int s3Port = RealStack.freePort();
      api = "http://127.0.0.1:" + apiPort + "/api";
      try (FacetProcess app = FacetProcess.start(data.resolve("serve.log"), "serve",
          "--server.port=" + apiPort,
          "--facet.data=" + data.resolve("facet"),
          "--facet.store.embedded-port=" + s3Port,
          "--facet.temporal.mode=external",
          "--facet.temporal.address=" + temporal.target())) {
        RealStack.await("the API", Duration.ofMinutes(3), () -> answers("/shoots/none"));

        JsonNode photos = upload("P01-front.jpg", "front", "P01-side.jpg", "side");
        String sku = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> started = post("/shoots", """
            {"product": {"sku": "%s", "name": "Solitaire", "type": "ring", "metal": "18k yellow gold",
                         "stones": [{"type": "diamond", "count": 1, "cut": "round brilliant", "colour": "colourless"}]},
             "photos": [{"key": "%s", "angle": "front"}, {"key": "%s", "angle": "side"}],
             "policy": {"approval": "manual", "variants": 2, "channels": ["amazon-main", "master"]}}
            """.formatted(sku, photos.get(0).get("key").asText(), photos.get(1).get("key").asText()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

        JsonNode waiting = awaitStage(sku, "AWAITING_SELECTION");
        Map<String, String> best = new HashMap<>();
        waiting.get("candidates").forEach(v -> {
          if (v.get("rank").asInt() == 1) {
            best.put(v.get("candidate").get("shot").asText(), v.get("candidate").get("id").asText());
          }
        });
        assertThat(best).containsOnlyKeys("hero", "profile");
        HttpResponse<String> selected = post("/shoots/" + sku + "/decisions",
            json.writeValueAsString(Map.of("action", "select", "selections", best, "reviewer", "ana")));
        assertThat(selected.statusCode()).as(selected.body()).isEqualTo(200);

        JsonNode inspected = awaitStage(sku, "AWAITING_APPROVAL");
        assertThat(inspected.get("qa")).hasSize(4);
        HttpResponse<String> again = post("/shoots/" + sku + "/decisions",
            "{\"action\":\"select\",\"selections\":{},\"reviewer\":\"late\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(post("/shoots/" + sku + "/decisions", "{\"action\":\"approve\",\"reviewer\":\"ben\"}")
            .statusCode()).isEqualTo(200);

        JsonNode published = awaitStage(sku, "PUBLISHED");
        S3ObjectStore store = S3ObjectStore.connect(new S3Settings(URI.create("http://127.0.0.1:" + s3Port),
            "facet", "us-east-1", EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY));
        JsonNode manifest = json.readTree(store.get(published.get("manifest").get("key").asText()));
        JsonNode finals = manifest.get("images");
        assertThat(finals).as(manifest.toString()).hasSize(4);
        for (JsonNode image : finals) {
          BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(store.get(image.get("key").asText())));
          assertThat(decoded.getWidth()).isEqualTo(2000);
          assertThat(decoded.getHeight()).isEqualTo(2000);
        }

        WorkflowClient client = RealStack.client(temporal);
        var history = client.fetchHistory(ProductShootWorkflow.workflowId(sku)).getEvents();
        HistoryEvent largest = history.stream()
            .max(Comparator.comparingInt(HistoryEvent::getSerializedSize)).orElseThrow();
        int total = history.stream().mapToInt(HistoryEvent::getSerializedSize).sum();
        System.out.printf("history of %s: %d events, %d bytes; largest event %s, %d bytes%n",
            sku, history.size(), total, largest.getEventType(), largest.getSerializedSize());
        assertThat(largest.getSerializedSize()).isLessThan(KB_64);
      }
    }
  }

  private JsonNode awaitStage(String sku, String stage) {
    JsonNode[] state = new JsonNode[1];
    RealStack.await(sku + " to reach " + stage, Duration.ofMinutes(5), () -> {
      state[0] = get("/shoots/" + sku);
      if (state[0] != null && "FAILED".equals(state[0].path("stage").asText())) {
        throw new AssertionError("the shoot failed: " + state[0].path("failure").asText());
      }
      return state[0] != null && stage.equals(state[0].path("stage").asText());
    });
    return state[0];
  }

  private boolean answers(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(api + path)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() > 0;
    } catch (Exception e) {
      return false;
    }
  }

  private JsonNode get(String path) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    } catch (Exception e) {
      return null;
    }
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(api + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Uploads example photos: pairs of (file in examples/photos, angle). */
  private JsonNode upload(String... fileAndAngle) throws Exception {
    String boundary = "facet-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < fileAndAngle.length; i += 2) {
      Path photo = RealStack.repository().resolve("examples/photos").resolve(fileAndAngle[i]);
      part(body, boundary, "photos\"; filename=\"" + fileAndAngle[i], "image/jpeg", Files.readAllBytes(photo));
      part(body, boundary, "angle", "text/plain", fileAndAngle[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/uploads"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body());
  }

  private static void part(ByteArrayOutputStream body, String boundary, String name, String type,
      byte[] content) throws Exception {
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }
}
