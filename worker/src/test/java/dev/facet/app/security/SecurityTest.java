package dev.facet.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.facet.testing.InProcessStackTest;
import dev.facet.testing.TestHttp;
import dev.facet.testing.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** Who may call what: every endpoint against no key, each role and a wrong key; CSRF; abuse. */
@InProcessStackTest
class SecurityTest {

  private static final String NONE = "";
  private static final String WRONG = "fct_not-a-key-of-this-stack";

  @LocalServerPort int port;
  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.anonymous(port);
  }

  /**
   * One row per endpoint: the status for no key, operator, reviewer and admin. A status other than
   * 401 and 403 means the request got past security and was answered by the endpoint itself (404
   * for a shoot or catalog that does not exist, 400 for a body that is empty).
   */
  static Stream<Arguments> endpoints() {
    return Stream.of(
        row(HttpMethod.POST, "/api/uploads", Body.MULTIPART, 401, 400, 403, 400),
        row(HttpMethod.POST, "/api/shoots", Body.EMPTY_JSON, 401, 400, 403, 400),
        row(HttpMethod.GET, "/api/shoots/NOPE", Body.NONE, 401, 404, 404, 404),
        row(HttpMethod.POST, "/api/shoots/NOPE/decisions", Body.APPROVE, 401, 403, 404, 404),
        row(HttpMethod.GET, "/api/shoots/NOPE/image?key=k", Body.NONE, 401, 404, 404, 404),
        row(HttpMethod.POST, "/api/catalogs", Body.MULTIPART, 401, 400, 403, 400),
        row(HttpMethod.GET, "/api/catalogs/nope", Body.NONE, 401, 404, 404, 404),
        row(HttpMethod.GET, "/api/catalogs/nope/awaiting", Body.NONE, 401, 404, 404, 404),
        row(HttpMethod.GET, "/api/catalogs/nope/report", Body.NONE, 401, 404, 404, 404),
        row(HttpMethod.POST, "/api/catalogs/nope/pause", Body.NONE, 401, 404, 403, 404),
        row(HttpMethod.POST, "/api/catalogs/nope/resume", Body.NONE, 401, 404, 403, 404),
        row(HttpMethod.POST, "/api/catalogs/nope/cancel", Body.NONE, 401, 404, 403, 404),
        // The in-process Temporal server has no visibility store to list the queue from (ReviewIT
        // has).
        row(HttpMethod.GET, "/api/review/queue", Body.NONE, 401, 503, 503, 503),
        row(HttpMethod.GET, "/api/reports/providers", Body.NONE, 401, 200, 200, 200),
        row(HttpMethod.GET, "/api/no-such-thing", Body.NONE, 401, 404, 404, 404),
        row(HttpMethod.GET, "/actuator/health", Body.NONE, 200, 200, 200, 200),
        row(HttpMethod.GET, "/actuator/health/liveness", Body.NONE, 200, 200, 200, 200),
        row(HttpMethod.GET, "/actuator/beans", Body.NONE, 401, 404, 403, 404),
        row(HttpMethod.GET, "/actuator/prometheus", Body.NONE, 401, 200, 403, 200),
        row(HttpMethod.GET, "/v3/api-docs", Body.NONE, 200, 200, 200, 200),
        row(HttpMethod.GET, "/swagger-ui/index.html", Body.NONE, 200, 200, 200, 200),
        row(HttpMethod.GET, "/review", Body.NONE, 200, 200, 200, 200),
        row(HttpMethod.GET, "/review/review.js", Body.NONE, 200, 200, 200, 200),
        row(HttpMethod.GET, "/review/session", Body.NONE, 401, 200, 200, 200));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("endpoints")
  void eachRoleGetsWhatItMay(
      HttpMethod method, String path, Body body, Map<String, Integer> expected) {
    expected.forEach(
        (key, status) -> {
          ResponseEntity<String> response = send(method, path, body, key);
          assertThat(response.getStatusCode().value())
              .as("%s %s with %s: %s", method, path, who(key), response.getBody())
              .isEqualTo(status);
          if (status == 401 || status == 403) {
            assertThat(response.getHeaders().getContentType())
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) JsonPath.read(response.getBody(), "$.detail")).isNotBlank();
          }
        });
  }

  @Test
  void anUnknownKeyIsRefusedAsSuchEvenWherePublic() {
    ResponseEntity<String> response = send(HttpMethod.GET, "/api/shoots/NOPE", Body.NONE, WRONG);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
    assertThat((String) JsonPath.read(response.getBody(), "$.detail"))
        .contains("does not carry a known API key");
  }

  @Test
  void aWrongRoleIsToldWhichRoleItNeeds() {
    ResponseEntity<String> response =
        send(HttpMethod.POST, "/api/shoots/NOPE/decisions", Body.APPROVE, TestKeys.OPERATOR);

    assertThat((String) JsonPath.read(response.getBody(), "$.detail"))
        .isEqualTo(
            "The key 'olga' has the role operator; to decide a key needs the role reviewer (or"
                + " admin).");
  }

  @Test
  void theReviewPageSessionNeedsItsCsrfTokenForChanges() {
    ResponseEntity<String> login =
        http.post()
            .uri("/review/session")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"key\":\"" + TestKeys.REVIEWER + "\"}")
            .retrieve()
            .toEntity(String.class);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    String cookie = login.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
    String session = cookie.substring(0, cookie.indexOf(';'));

    ResponseEntity<String> who =
        http.get()
            .uri("/review/session")
            .header(HttpHeaders.COOKIE, session)
            .retrieve()
            .toEntity(String.class);
    assertThat((String) JsonPath.read(who.getBody(), "$.name")).isEqualTo("rita");
    String token = JsonPath.read(who.getBody(), "$.csrfToken");

    ResponseEntity<String> forged = decide(session, null);
    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) JsonPath.read(forged.getBody(), "$.detail")).contains("CSRF token");
    assertThat(decide(session, "not-the-token").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // With the token the request reaches the endpoint: there is no such shoot.
    assertThat(decide(session, token).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> logout =
        http.delete()
            .uri("/review/session")
            .header(HttpHeaders.COOKIE, session)
            .header("X-CSRF-TOKEN", token)
            .retrieve()
            .toEntity(String.class);
    assertThat(logout.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(decide(session, token).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aWrongKeyDoesNotLogIn() {
    ResponseEntity<String> login =
        http.post()
            .uri("/review/session")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"key\":\"" + WRONG + "\"}")
            .retrieve()
            .toEntity(String.class);

    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(login.getHeaders().getFirst(HttpHeaders.SET_COOKIE)).isNull();
  }

  @Test
  void anOversizedJsonBodyIsRefusedBeforeItIsRead() {
    String notes = "x".repeat(300 * 1024);
    ResponseEntity<String> response =
        http.post()
            .uri("/api/shoots")
            .header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(TestKeys.ADMIN))
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"product\":{\"sku\":\"BIG\",\"notes\":\"" + notes + "\"}}")
            .retrieve()
            .toEntity(String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    assertThat((String) JsonPath.read(response.getBody(), "$.detail"))
        .startsWith("A JSON body may have at most 256 KB");
  }

  @Test
  void aZipBombNamedJpgIsNotAPhoto() throws IOException {
    MultipartBodyBuilder parts = new MultipartBodyBuilder();
    parts
        .part(
            "photos",
            new ByteArrayResource(zipOfZeros()) {
              @Override
              public String getFilename() {
                return "ring.jpg";
              }
            })
        .contentType(MediaType.IMAGE_JPEG);
    ResponseEntity<String> response =
        http.post()
            .uri("/api/uploads")
            .header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(TestKeys.OPERATOR))
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(parts.build())
            .retrieve()
            .toEntity(String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  /** 64 MB of zeros in a zip of about 64 KB. */
  private static byte[] zipOfZeros() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("ring.jpg"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  private ResponseEntity<String> decide(String session, String csrfToken) {
    RestClient.RequestBodySpec request =
        http.post()
            .uri("/api/shoots/NOPE/decisions")
            .header(HttpHeaders.COOKIE, session)
            .contentType(MediaType.APPLICATION_JSON);
    if (csrfToken != null) {
      request.header("X-CSRF-TOKEN", csrfToken);
    }
    return request.body("{\"action\":\"approve\"}").retrieve().toEntity(String.class);
  }

  enum Body {
    NONE,
    EMPTY_JSON,
    APPROVE,
    MULTIPART
  }

  private ResponseEntity<String> send(HttpMethod method, String path, Body body, String key) {
    RestClient.RequestBodySpec request = http.method(method).uri(path);
    if (!key.isEmpty()) {
      request.header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(key));
    }
    switch (body) {
      case NONE -> {}
      case EMPTY_JSON -> request.contentType(MediaType.APPLICATION_JSON).body("{}");
      case APPROVE ->
          request.contentType(MediaType.APPLICATION_JSON).body("{\"action\":\"approve\"}");
      case MULTIPART ->
          request
              .contentType(MediaType.MULTIPART_FORM_DATA)
              .body(new LinkedMultiValueMap<>(Map.of("note", List.of("x"))));
    }
    return request.retrieve().toEntity(String.class);
  }

  private static Arguments row(
      HttpMethod method, String path, Body body, int none, int operator, int reviewer, int admin) {
    return Arguments.of(
        method,
        path,
        body,
        Map.of(
            NONE,
            none,
            TestKeys.OPERATOR,
            operator,
            TestKeys.REVIEWER,
            reviewer,
            TestKeys.ADMIN,
            admin));
  }

  private static String who(String key) {
    return switch (key) {
      case NONE -> "no key";
      case TestKeys.OPERATOR -> "the operator key";
      case TestKeys.REVIEWER -> "the reviewer key";
      case TestKeys.ADMIN -> "the admin key";
      default -> key;
    };
  }
}
