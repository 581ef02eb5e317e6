package dev.facet.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.facet.testing.InProcessStackTest;
import dev.facet.testing.TestHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI document equals the committed {@code docs/openapi.json}, and says what the API
 * promises: the API key scheme everywhere and the problem responses of every operation.
 */
@InProcessStackTest
class OpenApiDocumentTest {

  /** Relative to the worker module, where Maven runs its tests. */
  static final Path COMMITTED = Path.of("..", "docs", "openapi.json");

  static final String REGENERATE =
      "./mvnw -o -pl worker -am test -Dtest=OpenApiDocumentTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @LocalServerPort int port;
  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.anonymous(port);
  }

  @Test
  void theCommittedDocumentIsTheServedOne() throws IOException {
    String served = canonical(served());
    if (Boolean.getBoolean("openapi.write")) {
      Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
    }
    if (!Files.exists(COMMITTED)) {
      fail(COMMITTED.toAbsolutePath().normalize() + " is missing; write it with\n  " + REGENERATE);
    }
    String committed = canonical(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    if (!served.equals(committed)) {
      fail(
          "The API changed but %s did not (%s). Review the change, then regenerate it with%n  %s",
          COMMITTED.normalize(), firstDifference(committed, served), REGENERATE);
    }
  }

  /** Where the two documents part, as a line number and both lines. */
  static String firstDifference(String committed, String served) {
    List<String> before = committed.lines().toList();
    List<String> after = served.lines().toList();
    int line = 0;
    while (line < before.size()
        && line < after.size()
        && before.get(line).equals(after.get(line))) {
      line++;
    }
    return "first difference at line %d: committed %s, served %s"
        .formatted(
            line + 1,
            line < before.size() ? "`" + before.get(line).strip() + "`" : "nothing",
            line < after.size() ? "`" + after.get(line).strip() + "`" : "nothing");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyOperationNeedsAnApiKeyAndListsItsProblems() {
    Map<String, Object> doc = JSON.readValue(served(), Map.class);
    assertThat(path(doc, "components", "securitySchemes", "apiKey"))
        .containsEntry("type", "http")
        .containsEntry("scheme", "bearer");
    assertThat((List<Object>) doc.get("security")).containsExactly(Map.of("apiKey", List.of()));
    assertThat(path(doc, "components", "schemas")).containsKey("ProblemDetail");

    Map<String, Object> paths = path(doc, "paths");
    assertThat(paths)
        .containsKeys(
            "/api/uploads",
            "/api/shoots",
            "/api/shoots/{sku}",
            "/api/shoots/{sku}/decisions",
            "/api/catalogs",
            "/api/catalogs/{id}",
            "/api/catalogs/{id}/report");
    paths.forEach(
        (url, item) ->
            ((Map<String, Object>) item)
                .forEach(
                    (method, op) -> {
                      Map<String, Object> operation = (Map<String, Object>) op;
                      Map<String, Object> responses =
                          (Map<String, Object>) operation.get("responses");
                      assertThat(responses).as("%s %s", method, url).containsKeys("401", "403");
                      assertThat((String) operation.get("description"))
                          .as("%s %s", method, url)
                          .contains("Role:");
                    }));

    Map<String, Object> start = path(paths, "/api/shoots", "post", "responses");
    assertThat(start).containsKeys("201", "400", "409", "422", "503");
    assertThat(path(start, "409")).containsEntry("$ref", "#/components/responses/Problem409");
    assertThat(path(doc, "components", "responses", "Problem409", "content"))
        .containsKey("application/problem+json");
    assertThat(path(paths, "/api/uploads", "post", "responses"))
        .containsKeys("201", "400", "413", "415", "422");
  }

  @Test
  void swaggerUiIsServed() {
    ResponseEntity<String> page =
        http.get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Swagger UI");
  }

  private String served() {
    ResponseEntity<String> response =
        http.get().uri("/v3/api-docs").retrieve().toEntity(String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** Keys sorted at every level, two-space indent, final newline: a stable, reviewable diff. */
  static String canonical(String json) {
    return JSON.writeValueAsString(sorted(JSON.readValue(json, Object.class))) + "\n";
  }

  private static Object sorted(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> copy = new TreeMap<>();
      map.forEach((key, value) -> copy.put((String) key, sorted(value)));
      return copy;
    }
    if (node instanceof List<?> list) {
      return list.stream().map(OpenApiDocumentTest::sorted).toList();
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> path(Map<String, Object> map, String... keys) {
    Map<String, Object> current = map;
    for (String key : keys) {
      current = (Map<String, Object>) current.get(key);
      assertThat(current).as("no %s in the document", key).isNotNull();
    }
    return current;
  }
}
