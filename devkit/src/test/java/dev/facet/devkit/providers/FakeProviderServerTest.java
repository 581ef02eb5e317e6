package dev.facet.devkit.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.facet.json.FacetJson;
import dev.facet.providers.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's own contract where no Facet client exercises it: raw HTTP against the fake. */
class FakeProviderServerTest {

  private static final MediaType JPEG = MediaType.get("image/jpeg");
  private static final MediaType JSON = MediaType.get("application/json");

  private FakeProviderServer fake;
  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() {
    fake = FakeProviderServer.start();
  }

  @AfterEach
  void stop() {
    fake.close();
    http.dispatcher().executorService().shutdown();
  }

  @Test
  void streamingSendsPartialImagesThenTheCompletedOneWithUsage() throws IOException {
    String body =
        "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a ring\",\"size\":\"1024x1024\","
            + "\"quality\":\"low\",\"stream\":true,\"partial_images\":2}";
    try (Response response =
        http.newCall(openAi("images/generations").post(RequestBody.create(body, JSON)).build())
            .execute()) {
      String events = response.body().string();

      assertThat(response.header("Content-Type")).isEqualTo("text/event-stream");
      assertThat(events.split("event: image_generation.partial_image", -1)).hasSize(3);
      String completed = events.substring(events.indexOf("event: image_generation.completed"));
      JsonNode data =
          FacetJson.MAPPER.readTree(completed.substring(completed.indexOf("data: ") + 6).trim());
      assertThat(data.path("usage").path("output_tokens").asInt()).isEqualTo(272);
      assertThat(data.path("b64_json").asText()).isNotEmpty();
    }
  }

  @Test
  void editsAcceptImageOrImageArrayAndRefuseMoreThanSixteen() throws IOException {
    assertThat(status(edit("image", 1))).isEqualTo(200);
    assertThat(status(edit("image[]", 16))).isEqualTo(200);
    try (Response tooMany = edit("image[]", 17)) {
      assertThat(tooMany.code()).isEqualTo(400);
      assertThat(
              FacetJson.MAPPER
                  .readTree(tooMany.body().string())
                  .path("error")
                  .path("param")
                  .asText())
          .isEqualTo("image");
    }
    assertThat(fake.billed()).containsEntry("openai", 2);
  }

  @Test
  void aRequestCutShortIsNotedByItsClientIdAndNotChargedAndAWholeOneIsChargedUnderIt()
      throws Exception {
    String body = "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a ring\",\"size\":\"1024x1024\"}";
    sendAllButTheLastByte("/v1/images/generations", "Bearer sk-fake", "cut-openai", body);
    sendAllButTheLastByte("/v1/flux-pro-1.1", "bfl-fake", "cut-flux", "{\"prompt\":\"a ring\"}");
    try (Response whole =
        http.newCall(
                openAi("images/generations")
                    .header("X-Client-Request-Id", "whole-openai")
                    .post(RequestBody.create(body, JSON))
                    .build())
            .execute()) {
      assertThat(whole.code()).isEqualTo(200);
    }

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while ((fake.openAi().incompleteRequests().isEmpty()
            || fake.bfl().incompleteRequests().isEmpty())
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(fake.openAi().incompleteRequests())
        .singleElement()
        .satisfies(
            cut -> {
              assertThat(cut.clientRequestId()).isEqualTo("cut-openai");
              assertThat(cut.route()).isEqualTo("POST /v1/images/generations");
              assertThat(cut.receivedBytes()).isEqualTo(cut.declaredBytes() - 1);
            });
    assertThat(fake.bfl().incompleteRequests())
        .extracting(IncompleteRequest::clientRequestId)
        .containsExactly("cut-flux");
    assertThat(fake.bfl().billed()).as("BFL acts on complete requests only").isZero();
    assertThat(fake.openAi().charges())
        .extracting(FakeCharge::clientRequestId)
        .containsExactly("whole-openai");
  }

  /** What a client killed before its last byte leaves: a request one byte short, then a close. */
  private void sendAllButTheLastByte(String path, String key, String clientRequestId, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + fake.port()
            + "\r\n"
            + (key.startsWith("Bearer") ? "Authorization: " : "x-key: ")
            + key
            + "\r\n"
            + "X-Client-Request-Id: "
            + clientRequestId
            + "\r\n"
            + "Content-Type: application/json\r\nContent-Length: "
            + bytes.length
            + "\r\n\r\n";
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), fake.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(bytes, 0, bytes.length - 1);
      out.flush();
    }
  }

  @Test
  void inputFidelityIsRefusedWhereOpenAiRefusesIt() throws IOException {
    for (String[] refused : new String[][] {{"gpt-image-2", "low"}, {"gpt-image-1-mini", "high"}}) {
      MultipartBody form =
          new MultipartBody.Builder()
              .setType(MultipartBody.FORM)
              .addFormDataPart("model", refused[0])
              .addFormDataPart("prompt", "the ring on white")
              .addFormDataPart("input_fidelity", refused[1])
              .addFormDataPart(
                  "image", "a.jpg", RequestBody.create(Fixtures.referenceFront(), JPEG))
              .build();
      try (Response response = http.newCall(openAi("images/edits").post(form).build()).execute()) {
        JsonNode error = FacetJson.MAPPER.readTree(response.body().string()).path("error");
        assertThat(response.code()).isEqualTo(400);
        assertThat(error.path("param").asText()).isEqualTo("input_fidelity");
      }
    }
    assertThat(fake.billed()).containsEntry("openai", 0);
  }

  @Test
  void editsRequireAPrompt() throws IOException {
    MultipartBody form =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("model", "gpt-image-1.5")
            .addFormDataPart("image", "a.jpg", RequestBody.create(Fixtures.referenceFront(), JPEG))
            .build();
    try (Response response = http.newCall(openAi("images/edits").post(form).build()).execute()) {
      assertThat(response.code()).isEqualTo(400);
      assertThat(response.body().string()).contains("'prompt'");
    }
  }

  @Test
  void okAnswersCarryRequestIdAndRateLimitHeadersAndAScenarioHeaderWorks() throws IOException {
    try (Response ok = edit("image", 1)) {
      assertThat(ok.header("x-request-id")).startsWith("req_");
      assertThat(ok.header("x-ratelimit-remaining-requests")).isNotNull();
      assertThat(ok.header("openai-version")).isEqualTo("2020-10-01");
    }
    Request limited =
        openAi("images/generations")
            .header("X-Fake-Scenario", "rate_limited")
            .post(RequestBody.create("{\"model\":\"gpt-image-1.5\",\"prompt\":\"p\"}", JSON))
            .build();
    try (Response response = http.newCall(limited).execute()) {
      assertThat(response.code()).isEqualTo(429);
      assertThat(response.header("retry-after-ms")).isEqualTo("2000");
      assertThat(response.header("retry-after")).isEqualTo("2");
    }
  }

  @Test
  void theSameRequestGivesTheSameImageOnASecondServerWithTheSameSeed() throws IOException {
    String first = firstImage(fake);
    try (FakeProviderServer twin = FakeProviderServer.start(0, 42)) {
      assertThat(firstImage(twin)).isEqualTo(first);
    }
  }

  @Test
  void aRequestHoldsItsConcurrencySlotForTheWholeLatencyAndEvery429IsCounted() throws Exception {
    fake.openAi().latency(Duration.ofMillis(800)).maxConcurrent(1);
    String body = "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a ring\",\"size\":\"256x256\"}";
    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(
            () -> {
              try (Response response =
                  http.newCall(
                          openAi("images/generations").post(RequestBody.create(body, JSON)).build())
                      .execute()) {
                return response.code();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    await().atMost(Duration.ofSeconds(5)).until(() -> fake.openAi().inFlight() == 1);

    int second;
    try (Response response =
        http.newCall(openAi("images/generations").post(RequestBody.create(body, JSON)).build())
            .execute()) {
      second = response.code();
    }

    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(200);
    assertThat(second).isEqualTo(429);
    assertThat(fake.throttled()).containsEntry("openai", 1).containsEntry("flux", 0);
    assertThat(
            FacetJson.MAPPER.readTree(get("/admin/stats")).path("openai").path("throttled").asInt())
        .isEqualTo(1);
  }

  @Test
  void theAdminEndpointReportsBilledGenerationsAndScriptsScenarios() throws IOException {
    assertThat(status(edit("image", 1))).isEqualTo(200);
    post("/admin/openai/script", "[\"server_error\"]");

    try (Response failed = edit("image", 1)) {
      assertThat(failed.code()).isEqualTo(500);
    }
    JsonNode billed = FacetJson.MAPPER.readTree(get("/admin/billed"));
    assertThat(billed.path("openai").asInt()).isEqualTo(1);
    assertThat(billed.path("flux").asInt()).isZero();

    post("/admin/reset", "");
    assertThat(FacetJson.MAPPER.readTree(get("/admin/billed")).path("openai").asInt()).isZero();
  }

  @Test
  void aWebhookTaskPostsItsResultSignedWithTheSecret() throws Exception {
    fake.bfl().progress(3, Duration.ofMillis(50));
    CompletableFuture<String[]> received = new CompletableFuture<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.complete(
              new String[] {
                new String(body, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("X-BFL-Signature")
              });
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String submit =
          "{\"prompt\":\"a ring\",\"width\":256,\"height\":256,\"webhook_url\":"
              + "\"http://127.0.0.1:"
              + receiver.getAddress().getPort()
              + "/hook\","
              + "\"webhook_secret\":\"s3cret\"}";
      JsonNode accepted;
      try (Response response =
          http.newCall(
                  new Request.Builder()
                      .url(fake.bflBaseUrl() + "/v1/flux-pro-1.1")
                      .header("x-key", "bfl-fake")
                      .post(RequestBody.create(submit, JSON))
                      .build())
              .execute()) {
        accepted = FacetJson.MAPPER.readTree(response.body().string());
      }

      String[] hook = received.get(10, TimeUnit.SECONDS);
      JsonNode payload = FacetJson.MAPPER.readTree(hook[0]);
      assertThat(accepted.path("status").asText()).isEqualTo("Pending");
      assertThat(payload.path("id").asText()).isEqualTo(accepted.path("id").asText());
      assertThat(payload.path("status").asText()).isEqualTo("Ready");
      assertThat(payload.path("result").path("sample").asText()).contains("/delivery/");
      assertThat(hook[1]).isEqualTo("sha256=" + hmac("s3cret", hook[0]));
    } finally {
      receiver.stop(0);
    }
  }

  private Response edit(String field, int images) throws IOException {
    MultipartBody.Builder form =
        new MultipartBody.Builder()
            .setType(MultipartBody.FORM)
            .addFormDataPart("model", "gpt-image-1.5")
            .addFormDataPart("prompt", "the ring on white")
            .addFormDataPart("quality", "low");
    for (int i = 0; i < images; i++) {
      form.addFormDataPart(
          field, "ref-" + i + ".jpg", RequestBody.create(Fixtures.referenceFront(), JPEG));
    }
    return http.newCall(openAi("images/edits").post(form.build()).build()).execute();
  }

  private static int status(Response response) {
    try (response) {
      return response.code();
    }
  }

  private String firstImage(FakeProviderServer server) throws IOException {
    Request request =
        new Request.Builder()
            .url(server.openAiBaseUrl() + "/images/generations")
            .header("Authorization", "Bearer sk-fake")
            .post(
                RequestBody.create(
                    "{\"model\":\"gpt-image-1.5\",\"prompt\":\"a ring\","
                        + "\"quality\":\"low\",\"size\":\"1024x1024\"}",
                    JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      JsonNode body = FacetJson.MAPPER.readTree(response.body().string());
      return HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(
                      Base64.getDecoder()
                          .decode(body.path("data").path(0).path("b64_json").asText())));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Request.Builder openAi(String path) {
    return new Request.Builder()
        .url(fake.openAiBaseUrl() + "/" + path)
        .header("Authorization", "Bearer sk-fake");
  }

  private String get(String path) throws IOException {
    try (Response response =
        http.newCall(new Request.Builder().url(fake.bflBaseUrl() + path).build()).execute()) {
      return response.body().string();
    }
  }

  private void post(String path, String json) throws IOException {
    try (Response response =
        http.newCall(
                new Request.Builder()
                    .url(fake.bflBaseUrl() + path)
                    .post(RequestBody.create(json, JSON))
                    .build())
            .execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
  }

  private static String hmac(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
