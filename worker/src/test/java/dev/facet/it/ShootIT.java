package dev.facet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facet.app.objectstore.EmbeddedS3;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.storage.S3ObjectStore;
import dev.facet.storage.S3Settings;
import dev.facet.temporal.DevServer;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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

  private static final ObjectMapper json = FacetApi.json;
  private static final int KB_64 = 64 * 1024;

  @TempDir Path data;

  @Test
  void aShootStartedAndDecidedOverHttpPublishesItsImages() throws Exception {
    try (DevServer temporal = RealStack.devServer(data.resolve("temporal"))) {
      int apiPort = RealStack.freePort();
      int s3Port = RealStack.freePort();
      FacetApi api = new FacetApi(apiPort);
      try (FacetProcess app =
          FacetProcess.start(
              data.resolve("serve.log"),
              "serve",
              FacetProcess.serveArgs(data.resolve("facet"), apiPort, s3Port, temporal))) {
        api.awaitUp();

        JsonNode photos = api.upload("P01-front.jpg", "front", "P01-side.jpg", "side");
        String sku = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> started =
            api.post(
                "/shoots",
                """
            {"product": {"sku": "%s", "name": "Solitaire", "type": "ring", "metal": "18k yellow gold",
                         "stones": [{"type": "diamond", "count": 1, "cut": "round brilliant", "colour": "colourless"}]},
             "photos": [{"key": "%s", "angle": "front"}, {"key": "%s", "angle": "side"}],
             "policy": {"approval": "manual", "variants": 2, "channels": ["amazon-main", "master"]}}
            """
                    .formatted(
                        sku, photos.get(0).get("key").asText(), photos.get(1).get("key").asText()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

        JsonNode waiting = api.awaitStage(sku, "AWAITING_SELECTION");
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
        assertThat(best).containsOnlyKeys("hero", "profile");
        HttpResponse<String> selected =
            api.post(
                "/shoots/" + sku + "/decisions",
                json.writeValueAsString(
                    Map.of("action", "select", "selections", best, "reviewer", "ana")));
        assertThat(selected.statusCode()).as(selected.body()).isEqualTo(200);

        JsonNode inspected = api.awaitStage(sku, "AWAITING_APPROVAL");
        assertThat(inspected.get("qa")).hasSize(4);
        HttpResponse<String> again =
            api.post(
                "/shoots/" + sku + "/decisions",
                "{\"action\":\"select\",\"selections\":{},\"reviewer\":\"late\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(
                api.post(
                        "/shoots/" + sku + "/decisions",
                        "{\"action\":\"approve\",\"reviewer\":\"ben\"}")
                    .statusCode())
            .isEqualTo(200);

        JsonNode published = api.awaitStage(sku, "PUBLISHED");
        S3ObjectStore store =
            S3ObjectStore.connect(
                new S3Settings(
                    URI.create("http://127.0.0.1:" + s3Port),
                    "facet",
                    "us-east-1",
                    EmbeddedS3.ACCESS_KEY,
                    EmbeddedS3.SECRET_KEY));
        JsonNode manifest = json.readTree(store.get(published.get("manifest").get("key").asText()));
        JsonNode finals = manifest.get("images");
        assertThat(finals).as(manifest.toString()).hasSize(4);
        for (JsonNode image : finals) {
          BufferedImage decoded =
              ImageIO.read(new ByteArrayInputStream(store.get(image.get("key").asText())));
          assertThat(decoded.getWidth()).isEqualTo(2000);
          assertThat(decoded.getHeight()).isEqualTo(2000);
        }

        WorkflowClient client = RealStack.client(temporal);
        var history = client.fetchHistory(ProductShootWorkflow.workflowId(sku)).getEvents();
        HistoryEvent largest =
            history.stream()
                .max(Comparator.comparingInt(HistoryEvent::getSerializedSize))
                .orElseThrow();
        int total = history.stream().mapToInt(HistoryEvent::getSerializedSize).sum();
        System.out.printf(
            "history of %s: %d events, %d bytes; largest event %s, %d bytes%n",
            sku, history.size(), total, largest.getEventType(), largest.getSerializedSize());
        assertThat(largest.getSerializedSize()).isLessThan(KB_64);
      }
    }
  }
}
