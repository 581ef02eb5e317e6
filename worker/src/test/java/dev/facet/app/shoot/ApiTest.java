package dev.facet.app.shoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.facet.storage.ObjectStore;
import dev.facet.testing.FakeShootWorkflow;
import dev.facet.testing.InProcessStackTest;
import dev.facet.testing.TestHttp;
import dev.facet.testing.TestImages;
import dev.facet.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

/** The HTTP API against the in-process Temporal server and the fake workflow. */
@InProcessStackTest
class ApiTest {

  private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  @LocalServerPort int port;
  @Autowired ObjectStore store;
  RestClient http;

  @BeforeEach
  void client() {
    http = TestHttp.withKey(port, TestKeys.ADMIN);
  }

  @Nested
  class Uploads {

    @Test
    void storesPhotosUnderServerMadeKeysWithTheirAngles() {
      byte[] front = TestImages.photo("P01_capture_1.jpg");
      byte[] side = TestImages.photoAsPng("P01_capture_3.jpg");
      ResponseEntity<String> response =
          upload(
              List.of(part(front, "ring-front.jpg"), part(side, "ring-side.png")),
              List.of("front", "side"));

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      List<Map<String, Object>> photos = JsonPath.read(response.getBody(), "$");
      assertThat(photos).hasSize(2);
      assertThat(photos.get(0))
          .containsEntry("angle", "front")
          .containsEntry("bytes", front.length)
          .containsEntry("mediaType", "image/jpeg");
      assertThat(photos.get(1))
          .containsEntry("angle", "side")
          .containsEntry("mediaType", "image/png");
      String key = (String) photos.get(0).get("key");
      assertThat(key).matches("uploads/[0-9a-f-]{36}/0");
      assertThat(photos.get(1).get("key")).isEqualTo(key.replaceAll("/0$", "/1"));
      assertThat(store.get(key)).isEqualTo(front);
    }

    @Test
    void aPathTraversalFileNameDoesNotReachTheKey() {
      ResponseEntity<String> response =
          upload(
              List.of(part(TestImages.photo("P02_capture_1.jpg"), "../../../etc/passwd.jpg")),
              List.of());

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      String key = JsonPath.read(response.getBody(), "$[0].key");
      assertThat(key).matches("uploads/[0-9a-f-]{36}/0").doesNotContain("passwd", "..");
    }

    @Test
    void refusesAFileThatIsNotAPhotoWhateverItsName() {
      byte[] text = "just some notes".getBytes(StandardCharsets.UTF_8);
      ResponseEntity<String> response = upload(List.of(part(text, "notes.jpg")), List.of());

      assertProblem(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
      assertThat(detail(response)).contains("notes.jpg", "JPEG", "PNG", "WebP");
    }

    @Test
    void refusesAPhotoThatCannotServeAsAReferenceWithTheReason() {
      ResponseEntity<String> response =
          upload(List.of(part(TestImages.photo("bad/blurred.jpg"), "ring.jpg")), List.of());

      assertProblem(response, HttpStatus.UNPROCESSABLE_CONTENT);
      assertThat(detail(response)).contains("ring.jpg", "blurr");
    }

    @Test
    void refusesADecompressionBombBeforeDecodingIt() {
      ResponseEntity<String> response =
          upload(
              List.of(part(TestImages.photo("bad/bomb_100000x100000.png"), "bomb.jpg")), List.of());

      assertProblem(response, HttpStatus.UNPROCESSABLE_CONTENT);
      assertThat(detail(response)).contains("100000x100000");
    }

    @Test
    void refusesMorePhotosThanAllowed() {
      List<HttpPart> eleven =
          IntStream.range(0, 11)
              .mapToObj(i -> part(TestImages.jpeg(8, 8), "p" + i + ".jpg"))
              .toList();
      ResponseEntity<String> response = upload(eleven, List.of());

      assertProblem(response, HttpStatus.CONTENT_TOO_LARGE);
      assertThat(detail(response)).contains("at most 10 photos", "11");
    }

    @Test
    void refusesAPhotoAboveTheSizeLimit() {
      byte[] big = new byte[3_200_000];
      System.arraycopy(TestImages.jpeg(8, 8), 0, big, 0, 3);
      ResponseEntity<String> response = upload(List.of(part(big, "huge.jpg")), List.of());

      assertProblem(response, HttpStatus.CONTENT_TOO_LARGE);
      assertThat(detail(response)).contains("at most 3 MB");
    }

    @Test
    void refusesMoreAnglesThanPhotos() {
      ResponseEntity<String> response =
          upload(List.of(part(TestImages.jpeg(8, 8), "a.jpg")), List.of("front", "side"));

      assertProblem(response, HttpStatus.BAD_REQUEST);
      assertThat(detail(response)).contains("2 angle values for 1 photos");
    }
  }

  @Nested
  class Shoots {

    @Test
    void startsAShootAndAnswersItsState() {
      ResponseEntity<String> response = start("RING-001", "manual");

      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      assertThat(response.getHeaders().getLocation()).hasPath("/api/shoots/RING-001");
      assertThat((String) JsonPath.read(response.getBody(), "$.workflowId"))
          .isEqualTo("shoot-RING-001");
      assertThat((String) JsonPath.read(response.getBody(), "$.runId")).isNotBlank();
      assertThat((String) JsonPath.read(response.getBody(), "$.stateUrl"))
          .endsWith("/api/shoots/RING-001");

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                ResponseEntity<String> state = get("/api/shoots/RING-001");
                assertThat(state.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat((String) JsonPath.read(state.getBody(), "$.stage"))
                    .isEqualTo("AWAITING_APPROVAL");
                assertThat((Boolean) JsonPath.read(state.getBody(), "$.awaitingHuman")).isTrue();
                assertThat((String) JsonPath.read(state.getBody(), "$.policy.approval"))
                    .isEqualTo("manual");
                // In through Spring's Jackson 3, through Temporal's Jackson 2 and back out.
                assertThat((String) JsonPath.read(state.getBody(), "$.policy.humanTimeout"))
                    .isEqualTo("PT2H");
              });
    }

    @Test
    void aSecondStartWhileRunningConflictsAndNamesTheRunningShoot() {
      ResponseEntity<String> first = start("RING-002", "manual");
      String runId = JsonPath.read(first.getBody(), "$.runId");

      ResponseEntity<String> second = start("RING-002", "manual");

      assertProblem(second, HttpStatus.CONFLICT);
      assertThat((String) JsonPath.read(second.getBody(), "$.workflowId"))
          .isEqualTo("shoot-RING-002");
      assertThat((String) JsonPath.read(second.getBody(), "$.runId")).isEqualTo(runId);
      assertThat(detail(second)).contains("already running");
    }

    @Test
    void aBadSkuIsABadRequest() {
      ResponseEntity<String> response = start("../etc", "auto");

      assertProblem(response, HttpStatus.BAD_REQUEST);
      assertThat(detail(response)).contains("'../etc' is not a valid SKU");
    }

    @Test
    void photosThatWereNeverUploadedAreUnprocessable() {
      String body =
          """
          {"product":{"sku":"RING-003","name":"Ring","type":"ring","metal":"18k yellow gold"},
           "photos":[{"key":"uploads/nope/0","angle":"front"}]}""";
      ResponseEntity<String> response = post("/api/shoots", body);

      assertProblem(response, HttpStatus.UNPROCESSABLE_CONTENT);
      assertThat(detail(response)).contains("uploads/nope/0");
    }

    @Test
    void malformedJsonIsABadRequestSayingWhere() {
      String body =
          """
          {"product":{"sku":"RING-004"},"photos":[],"policy":{"variants":"many"}}""";
      ResponseEntity<String> response = post("/api/shoots", body);

      assertProblem(response, HttpStatus.BAD_REQUEST);
      assertThat(detail(response)).contains("policy.variants");
    }

    @Test
    void aProviderWithoutAKeyIsABadRequestNamingTheSettingToFix() {
      ResponseEntity<String> response = post("/api/shoots", withProviders("RING-005", "openai"));

      assertProblem(response, HttpStatus.BAD_REQUEST);
      assertThat(detail(response)).contains("'openai'", "FACET_PROVIDERS_OPENAI_API_KEY");
    }

    @Test
    void anUnknownProviderIsABadRequestListingTheGenerators() {
      ResponseEntity<String> response =
          post("/api/shoots", withProviders("RING-006", "midjourney"));

      assertProblem(response, HttpStatus.BAD_REQUEST);
      assertThat(detail(response)).contains("'midjourney'", "studio, openai, flux");
    }

    @Test
    void aChannelAliasStartsTheShootWithItsPreset() {
      ResponseEntity<String> response =
          post("/api/shoots", withChannels("RING-007", "amazon", "Etsy"));

      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                List<String> channels =
                    JsonPath.read(get("/api/shoots/RING-007").getBody(), "$.policy.channels");
                assertThat(channels).containsExactly("amazon-main", "etsy");
              });
    }

    @Test
    void anUnknownChannelIsABadRequestListingTheChannels() {
      ResponseEntity<String> response = post("/api/shoots", withChannels("RING-008", "amazn"));

      assertProblem(response, HttpStatus.BAD_REQUEST);
      assertThat(detail(response))
          .contains("unknown channel 'amazn'", "amazon-main (or amazon)", "etsy", "walmart");
    }

    private String withChannels(String sku, String... channels) {
      return withPolicy(sku, "{\"channels\":[\"" + String.join("\",\"", channels) + "\"]}");
    }

    private String withProviders(String sku, String provider) {
      return withPolicy(sku, "{\"providers\":[\"" + provider + "\",\"studio\"]}");
    }

    private String withPolicy(String sku, String policy) {
      ResponseEntity<String> uploaded =
          upload(List.of(part(TestImages.photo("P01_capture_1.jpg"), "a.jpg")), List.of("front"));
      String key = JsonPath.read(uploaded.getBody(), "$[0].key");
      return """
          {"product":{"sku":"%s","name":"Ring","type":"ring","metal":"18k yellow gold"},
           "photos":[{"key":"%s"}],"policy":%s}"""
          .formatted(sku, key, policy);
    }

    @Test
    void anImageTheShootDoesNotNameIsNotFound() {
      start("RING-007", "manual");
      awaitStage("RING-007", "AWAITING_APPROVAL");

      ResponseEntity<String> response = get("/api/shoots/RING-007/image?key=uploads/other/0");

      assertProblem(response, HttpStatus.NOT_FOUND);
      assertThat(detail(response)).contains("RING-007", "uploads/other/0");
    }

    @Test
    void anUnknownShootIsNotFound() {
      ResponseEntity<String> response = get("/api/shoots/NEVER-STARTED");

      assertProblem(response, HttpStatus.NOT_FOUND);
      assertThat(detail(response)).contains("NEVER-STARTED");
    }
  }

  @Nested
  class Decisions {

    @Test
    void aDecisionTheShootRefusesConflictsWithItsReason() {
      start("RING-010", "manual");
      awaitStage("RING-010", "AWAITING_APPROVAL");

      ResponseEntity<String> response =
          post("/api/shoots/RING-010/decisions", "{\"action\":\"reject\",\"notes\":\"too pink\"}");

      assertProblem(response, HttpStatus.CONFLICT);
      assertThat(detail(response)).isEqualTo(FakeShootWorkflow.VALIDATOR_MESSAGE + "REJECT");
    }

    @Test
    void anApprovalIsReceiptedAndAFinishedShootTakesNoMore() {
      start("RING-011", "manual");
      awaitStage("RING-011", "AWAITING_APPROVAL");

      ResponseEntity<String> receipt =
          post("/api/shoots/RING-011/decisions", "{\"action\":\"approve\",\"reviewer\":\"ana\"}");
      assertThat(receipt.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat((String) JsonPath.read(receipt.getBody(), "$.action")).isEqualTo("approve");
      // Recorded under the key that decided (ada, the admin), not the name in the body.
      assertThat((String) JsonPath.read(receipt.getBody(), "$.outcome"))
          .contains("ada")
          .doesNotContain("ana");
      awaitStage("RING-011", "PUBLISHED");

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                ResponseEntity<String> again =
                    post("/api/shoots/RING-011/decisions", "{\"action\":\"approve\"}");
                assertProblem(again, HttpStatus.CONFLICT);
                assertThat(detail(again)).contains("already finished (completed)");
              });
    }

    @Test
    void aDecisionForAnUnknownShootIsNotFound() {
      ResponseEntity<String> response =
          post("/api/shoots/NOBODY/decisions", "{\"action\":\"approve\"}");

      assertProblem(response, HttpStatus.NOT_FOUND);
    }

    @Test
    void aDecisionWithoutAnActionIsABadRequest() {
      ResponseEntity<String> response = post("/api/shoots/RING-012/decisions", "{}");

      assertProblem(response, HttpStatus.BAD_REQUEST);
      assertThat(detail(response)).contains("\"action\"");
    }
  }

  @Test
  void healthIncludesTemporal() {
    ResponseEntity<String> response = get("/actuator/health");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((String) JsonPath.read(response.getBody(), "$.status")).isEqualTo("UP");
    assertThat((String) JsonPath.read(response.getBody(), "$.components.temporal.status"))
        .isEqualTo("UP");
  }

  @Test
  void anUnknownPathIsAProblemToo() {
    assertProblem(get("/api/nothing-here"), HttpStatus.NOT_FOUND);
  }

  private ResponseEntity<String> start(String sku, String approval) {
    ResponseEntity<String> uploaded =
        upload(List.of(part(TestImages.photo("P01_capture_1.jpg"), "a.jpg")), List.of("front"));
    String key = JsonPath.read(uploaded.getBody(), "$[0].key");
    String body =
        """
        {"product":{"sku":"%s","name":"Solitaire","type":"ring","metal":"18k yellow gold",
                    "stones":[{"type":"diamond","count":1,"cut":"round brilliant"}]},
         "photos":[{"key":"%s","angle":"front"}],
         "policy":{"approval":"%s","channels":["amazon-main"],"humanTimeout":"PT2H"}}"""
            .formatted(sku, key, approval);
    return post("/api/shoots", body);
  }

  private void awaitStage(String sku, String stage) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              ResponseEntity<String> state = get("/api/shoots/" + sku);
              return state.getStatusCode().is2xxSuccessful()
                  && stage.equals(JsonPath.read(state.getBody(), "$.stage"));
            });
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

  record HttpPart(byte[] bytes, String fileName) {}

  private static HttpPart part(byte[] bytes, String fileName) {
    return new HttpPart(bytes, fileName);
  }

  private ResponseEntity<String> upload(List<HttpPart> photos, List<String> angles) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    for (HttpPart photo : photos) {
      body.part("photos", new ByteArrayResource(photo.bytes()))
          .filename(photo.fileName())
          .contentType(MediaType.APPLICATION_OCTET_STREAM);
    }
    angles.forEach(angle -> body.part("angle", angle));
    return http.post()
        .uri("/api/uploads")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(body.build())
        .retrieve()
        .toEntity(String.class);
  }

  private static void assertProblem(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(PROBLEM))
        .as("content type %s", response.getHeaders().getContentType())
        .isTrue();
    assertThat((Integer) JsonPath.read(response.getBody(), "$.status")).isEqualTo(status.value());
    assertThat(detail(response)).isNotBlank();
  }

  private static String detail(ResponseEntity<String> response) {
    return JsonPath.read(response.getBody(), "$.detail");
  }
}
