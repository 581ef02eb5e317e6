package dev.facet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facet.testing.TestKeys;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** Facet's HTTP API as a client sees it, for the integration tests. */
final class FacetApi {

  static final ObjectMapper json = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String api;

  /**
   * @param port where {@code serve} listens
   */
  FacetApi(int port) {
    this.api = "http://127.0.0.1:" + port + "/api";
  }

  /** Waits until the API answers at all. */
  void awaitUp() {
    RealStack.await("the API", Duration.ofMinutes(3), () -> answers("/shoots/none"));
  }

  JsonNode awaitStage(String sku, String stage) {
    JsonNode[] state = new JsonNode[1];
    RealStack.await(
        sku + " to reach " + stage,
        Duration.ofMinutes(5),
        () -> {
          state[0] = get("/shoots/" + sku);
          if (state[0] != null && "FAILED".equals(state[0].path("stage").asText())) {
            throw new AssertionError("the shoot failed: " + state[0].path("failure").asText());
          }
          return state[0] != null && stage.equals(state[0].path("stage").asText());
        });
    return state[0];
  }

  boolean answers(String path) {
    try {
      return http.send(request(path).build(), HttpResponse.BodyHandlers.discarding()).statusCode()
          > 0;
    } catch (Exception e) {
      return false;
    }
  }

  JsonNode get(String path) {
    try {
      HttpResponse<String> response =
          http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    } catch (Exception e) {
      return null;
    }
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Uploads example photos: pairs of (file in examples/photos, angle). */
  JsonNode upload(String... fileAndAngle) throws Exception {
    String boundary = "facet-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < fileAndAngle.length; i += 2) {
      Path photo = RealStack.repository().resolve("examples/photos").resolve(fileAndAngle[i]);
      part(
          body,
          boundary,
          "photos\"; filename=\"" + fileAndAngle[i],
          "image/jpeg",
          Files.readAllBytes(photo));
      part(
          body,
          boundary,
          "angle",
          "text/plain",
          fileAndAngle[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            request("/uploads")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body());
  }

  /**
   * Every request carries the admin key the stack is started with ({@link FacetProcess#serveArgs}).
   */
  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(api + path))
        .header("Authorization", TestKeys.bearer(TestKeys.ADMIN));
  }

  private static void part(
      ByteArrayOutputStream body, String boundary, String name, String type, byte[] content)
      throws Exception {
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + name
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write("\r\n".getBytes(StandardCharsets.UTF_8));
  }
}
