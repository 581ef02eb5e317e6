package dev.facet.devkit.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.facet.json.FacetJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Black Forest Labs API (https://docs.bfl.ai, https://api.bfl.ai/openapi.json) as {@code
 * docs/providers.md} Part B describes it, with its sources: submit to {@code /v1/flux-pro-1.1},
 * {@code -ultra}, {@code flux-kontext-pro}, {@code -max}; poll the returned {@code polling_url},
 * which names another cluster path to catch clients that rebuild it; {@code /v1/credits}; signed
 * result URLs that expire; the active-task cap; webhooks; and every Part D scenario. Knobs are the
 * fluent setters.
 *
 * <p>Over 400 lines because it is one provider's published contract, endpoint by endpoint with its
 * errors, to be read against that provider's documentation in one place.
 */
public final class FakeBfl extends ChargingFake {

  /** Part D submit scenarios, selectable per request with {@code X-Fake-Scenario}. */
  public static final Set<String> SCENARIOS =
      Set.of(
          "ok",
          "rate_limited",
          "server_error",
          "overloaded",
          "malformed",
          "truncated",
          "drop",
          "drop_after_accept");

  /** Terminal statuses a task can be scripted to end with. */
  public static final Set<String> OUTCOMES =
      Set.of("Ready", "Request Moderated", "Content Moderated", "Error");

  private static final Map<String, Double> CREDITS =
      Map.of(
          "flux-pro-1.1", 4.0,
          "flux-pro-1.1-ultra", 6.0,
          "flux-kontext-pro", 4.0,
          "flux-kontext-max", 8.0);

  private final long seed;
  private final ScenarioPicker scenarios;
  private final Random ids;
  private final MetalShift metalShift;
  private final Map<String, MetalShift> modelMetalShift = new ConcurrentHashMap<>();
  private final Map<String, FakeTask> tasks = new ConcurrentHashMap<>();
  private final Deque<String> outcomes = new ArrayDeque<>();
  private final Map<String, AtomicInteger> submitsBy = new ConcurrentHashMap<>();
  private final AtomicInteger polls = new AtomicInteger();
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicInteger failPolls = new AtomicInteger();
  private final AtomicInteger failDeliveries = new AtomicInteger();
  private final byte[] signingKey;
  private final ScheduledExecutorService webhooks =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fake-bfl-webhooks");
            t.setDaemon(true);
            return t;
          });
  private final HttpClient webhookClient =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private volatile String apiKey = "bfl-fake";
  private volatile int authFailureStatus = 403;
  private volatile double credits = 1000;
  private volatile int maxActive = 24;
  private volatile int maxActiveKontextMax = 6;
  private volatile Duration retryAfterOn429;
  private volatile Duration latency = Duration.ZERO;
  private volatile int pendingPolls = 3;
  private volatile Duration generationTime = Duration.ofSeconds(30);
  private volatile String unknownStatus;
  private volatile Submitted lastSubmit;
  private volatile Duration deliveryTtl = Duration.ofMinutes(10);
  private volatile boolean resignOnPoll;
  private volatile String cluster = "eu2";
  private volatile Duration dropDelay = Duration.ofMillis(100);
  private volatile Clock clock = Clock.systemUTC();

  FakeBfl(long seed) {
    this.seed = seed;
    this.scenarios = new ScenarioPicker(SCENARIOS, seed);
    this.ids = new Random(seed);
    this.metalShift = new MetalShift(seed);
    this.signingKey = ("fake-delivery-" + seed).getBytes(StandardCharsets.UTF_8);
  }

  // ---- knobs -------------------------------------------------------------------------------

  /**
   * The clock tasks progress, URLs expire and limits reset by: a test moves it instead of sleeping.
   */
  public FakeBfl clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** Share of images delivered with a shifted metal tone: a provider with a fidelity defect. */
  public FakeBfl metalShiftRate(double probability) {
    metalShift.rate(probability);
    return this;
  }

  /** As {@link #metalShiftRate(double)}, for one model's images only: a model with the defect. */
  public FakeBfl metalShiftRate(String model, double probability) {
    modelMetalShift
        .computeIfAbsent(model, m -> new MetalShift(seed ^ m.hashCode()))
        .rate(probability);
    return this;
  }

  /** The key {@code x-key} must carry. */
  public FakeBfl apiKey(String apiKey) {
    this.apiKey = apiKey;
    return this;
  }

  /** 401 or 403 for a missing or wrong key (which BFL sends is unverified; default 403). */
  public FakeBfl authFailureStatus(int status) {
    this.authFailureStatus = status;
    return this;
  }

  /** The account's credits (1 credit = $0.01); submits below the model's price get 402. */
  public FakeBfl credits(double credits) {
    this.credits = credits;
    return this;
  }

  /** Tasks running at once per account (24), and of {@code flux-kontext-max} (6); more get 429. */
  public FakeBfl maxActive(int all, int kontextMax) {
    this.maxActive = all;
    this.maxActiveKontextMax = kontextMax;
    return this;
  }

  /** A {@code Retry-After} on 429s (unverified that BFL sends one: default none). */
  public FakeBfl retryAfterOn429(Duration retryAfter) {
    this.retryAfterOn429 = retryAfter;
    return this;
  }

  /** The scenarios of the next submits, in order. */
  public FakeBfl script(String... scenarios) {
    this.scenarios.script(List.of(scenarios));
    return this;
  }

  /** How often a submit scenario happens when none is scripted; draws are seeded. */
  public FakeBfl errorRate(String scenario, double probability) {
    scenarios.rate(scenario, probability);
    return this;
  }

  /** How the next tasks end ({@code Ready} when none is scripted). */
  public FakeBfl outcomes(String... statuses) {
    for (String status : statuses) {
      if (!OUTCOMES.contains(status)) {
        throw new IllegalArgumentException("unknown outcome '" + status + "', known: " + OUTCOMES);
      }
    }
    synchronized (outcomes) {
      outcomes.addAll(List.of(statuses));
    }
    return this;
  }

  /** Added to every answer. */
  public FakeBfl latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  /**
   * A task ends after this many polls answered in progress, or once {@code generationTime} has
   * passed since submission, whichever comes first (default 3 polls, 30 s).
   */
  public FakeBfl progress(int pendingPolls, Duration generationTime) {
    this.pendingPolls = pendingPolls;
    this.generationTime = generationTime;
    return this;
  }

  /** A status to answer on every other in-progress poll, e.g. {@code Generating}. */
  public FakeBfl unknownStatus(String status) {
    this.unknownStatus = status;
    return this;
  }

  /** The next {@code n} polls answer 500 (black-forest-labs/flux#499). */
  public FakeBfl failPolls(int n) {
    failPolls.set(n);
    return this;
  }

  /** The next {@code n} result downloads answer 503. */
  public FakeBfl failDeliveries(int n) {
    failDeliveries.set(n);
    return this;
  }

  /**
   * How long a result URL works (default 10 min), and whether every poll of a ready task signs a
   * fresh one (unverified: default no, the URL is fixed when the task ends).
   */
  public FakeBfl delivery(Duration ttl, boolean resignOnPoll) {
    this.deliveryTtl = ttl;
    this.resignOnPoll = resignOnPoll;
    return this;
  }

  /** How long {@code drop_after_accept} waits before hanging up. */
  public FakeBfl dropDelay(Duration dropDelay) {
    this.dropDelay = dropDelay;
    return this;
  }

  // ---- observations ------------------------------------------------------------------------

  /** The fields of a submit body (images are megabytes: names only) and its prompt. */
  public record Submitted(String model, List<String> fields, String prompt) {}

  /** The last submit received, valid or not; {@code null} before any. */
  public Submitted lastSubmit() {
    return lastSubmit;
  }

  /** Submits received, by the scenario they met ({@code ok}, {@code server_error}, …). */
  public Map<String, Integer> submitsBy() {
    return counts(submitsBy);
  }

  /** {@code get_result} requests answered, failed ones included. */
  public int polls() {
    return polls.get();
  }

  /** Answers with status 429 (the active-task cap, {@code rate_limited}) since start or reset. */
  public int throttled() {
    return throttled.get();
  }

  public double credits() {
    return credits;
  }

  /** Tasks a poll found still pending: the client had their ids. */
  public long tasksPolled() {
    return tasks.values().stream().filter(FakeTask::polled).count();
  }

  /** Tasks not yet at a terminal status. */
  public long activeTasks() {
    long now = clock.millis();
    return tasks.values().stream().filter(t -> t.active(now, generationTime)).count();
  }

  void reset() {
    scenarios.reset();
    tasks.clear();
    synchronized (outcomes) {
      outcomes.clear();
    }
    resetLedger();
    submitsBy.clear();
    polls.set(0);
    throttled.set(0);
    failPolls.set(0);
    failDeliveries.set(0);
  }

  void script(List<String> scenarios) {
    this.scenarios.script(scenarios);
  }

  void outcomes(List<String> statuses) {
    outcomes(statuses.toArray(String[]::new));
  }

  void close() {
    webhooks.shutdownNow();
  }

  // ---- the API -----------------------------------------------------------------------------

  void handle(HttpExchange exchange) throws IOException {
    long arrived = clock.millis();
    byte[] body = FakeHttp.body(exchange, incomplete);
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    FakeHttp.pause(latency);
    if (method.equals("GET") && path.startsWith("/delivery/")) {
      deliver(exchange, path.substring("/delivery/".length()));
    } else if (method.equals("GET") && path.equals("/" + cluster + "/v1/get_result")) {
      poll(exchange, true);
    } else if (method.equals("GET") && path.equals("/v1/get_result")) {
      poll(exchange, false);
    } else if (method.equals("GET") && path.equals("/v1/credits")) {
      if (authorised(exchange)) {
        ObjectNode answer = FacetJson.MAPPER.createObjectNode().put("credits", credits);
        FakeHttp.json(exchange, 200, answer, Map.of());
      }
    } else if (method.equals("POST")
        && path.startsWith("/v1/")
        && CREDITS.containsKey(path.substring(4))) {
      if (authorised(exchange)) {
        submit(exchange, path.substring(4), body, arrived);
      }
    } else {
      detail(exchange, 404, "Not Found");
    }
  }

  private void submit(HttpExchange exchange, String model, byte[] body, long arrived)
      throws IOException {
    String scenario;
    try {
      scenario = scenarios.next(exchange.getRequestHeaders().getFirst(ScenarioPicker.HEADER));
    } catch (IllegalArgumentException e) {
      detail(exchange, 400, "fake: " + e.getMessage());
      return;
    }
    submitsBy.computeIfAbsent(scenario, k -> new AtomicInteger()).incrementAndGet();
    switch (scenario) {
      case "rate_limited" -> {
        tooMany(exchange, "Rate limit exceeded. Please try again later.");
        return;
      }
      case "server_error" -> {
        FakeHttp.send(exchange, 500, "text/plain", bytes("Internal Server Error"), Map.of());
        return;
      }
      case "overloaded" -> {
        FakeHttp.send(exchange, 503, "text/plain", bytes("Service Unavailable"), Map.of());
        return;
      }
      case "drop" -> {
        hungUp.add(FakeHttp.clientRequestId(exchange));
        throw FakeHttp.drop();
      }
      default -> {}
    }
    JsonNode json;
    try {
      json = FacetJson.MAPPER.readTree(body);
      if (json == null || !json.isObject()) {
        throw new IOException("not an object");
      }
    } catch (IOException e) {
      validation(exchange, List.of("body"), "JSON decode error", "json_invalid");
      return;
    }
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    lastSubmit = new Submitted(model, List.copyOf(fields), json.path("prompt").asText(null));
    FluxInput input;
    try {
      input = FluxInput.read(model, json);
    } catch (FluxInput.Invalid e) {
      validation(exchange, List.of("body", e.field()), e.getMessage(), e.type());
      return;
    }
    FakeTask task;
    synchronized (this) {
      double cost = CREDITS.get(model);
      if (credits < cost) {
        detail(exchange, 402, "Insufficient credits");
        return;
      }
      long now = clock.millis();
      long active = tasks.values().stream().filter(t -> t.active(now, generationTime)).count();
      long activeMax =
          tasks.values().stream()
              .filter(t -> t.model().equals("flux-kontext-max") && t.active(now, generationTime))
              .count();
      if (active >= maxActive
          || (model.equals("flux-kontext-max") && activeMax >= maxActiveKontextMax)) {
        tooMany(
            exchange,
            "You have reached the maximum number of active tasks ("
                + (model.equals("flux-kontext-max") ? maxActiveKontextMax : maxActive)
                + "). Please wait for a task to finish.");
        return;
      }
      credits -= cost;
      task =
          new FakeTask(
              new UUID(ids.nextLong(), ids.nextLong()).toString(),
              model,
              input,
              now,
              nextOutcome(),
              seed ^ input.seed(),
              modelMetalShift.getOrDefault(model, metalShift).next());
      tasks.put(task.id(), task);
      charge(task.id(), exchange, scenario, scenario + "/" + task.outcome(), 1, arrived);
    }

    String base = "http://" + exchange.getRequestHeaders().getFirst("Host");
    ObjectNode answer = FacetJson.MAPPER.createObjectNode();
    answer.put("id", task.id());
    if (input.webhookUrl() != null) {
      answer.put("status", "Pending");
      answer.put("webhook_url", input.webhookUrl());
      scheduleWebhook(task, base);
    } else {
      answer.put("polling_url", base + "/" + cluster + "/v1/get_result?id=" + task.id());
    }
    answer.put("cost", CREDITS.get(model));
    answer.put("input_mp", input.inputImage() == null ? 0 : 1.0);
    answer.put("output_mp", Math.round(input.width() * input.height() / 10_000.0) / 100.0);
    byte[] bytes = FakeHttp.bytes(answer);
    try {
      switch (scenario) {
        case "malformed" ->
            FakeHttp.send(
                exchange,
                200,
                "application/json",
                bytes("<html><body>502 Bad Gateway</body></html>"),
                Map.of());
        case "truncated" -> FakeHttp.truncated(exchange, "application/json", bytes);
        case "drop_after_accept" -> {
          FakeHttp.pause(dropDelay);
          throw FakeHttp.drop();
        }
        default -> FakeHttp.send(exchange, 200, "application/json", bytes, Map.of());
      }
    } finally {
      charges.answered(task.id());
    }
  }

  private void poll(HttpExchange exchange, boolean onCluster) throws IOException {
    polls.incrementAndGet();
    if (failPolls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      FakeHttp.send(exchange, 500, "text/plain", bytes("Internal Server Error"), Map.of());
      return;
    }
    String id = query(exchange.getRequestURI(), "id");
    FakeTask task = id == null || !onCluster ? null : tasks.get(id);
    ObjectNode answer = FacetJson.MAPPER.createObjectNode();
    answer.put("id", id);
    if (task == null) {
      answer.put("status", "Task not found");
      FakeHttp.json(exchange, 200, answer, Map.of());
      return;
    }
    charges.claimed(task.id());
    String base = "http://" + exchange.getRequestHeaders().getFirst("Host");
    FakeTask.Status status = task.poll(clock.millis(), pendingPolls, generationTime, unknownStatus);
    answer.put("status", status.name());
    if (status.name().equals("Ready")) {
      long expires =
          resignOnPoll
              ? clock.millis() + deliveryTtl.toMillis()
              : task.finishedAt() + deliveryTtl.toMillis();
      ObjectNode result = answer.putObject("result");
      result.put("sample", deliveryUrl(base, task, expires));
      result.put("prompt", task.input().prompt());
      result.put("seed", task.input().seed());
      result.put("start_time", task.submittedAt() / 1000.0);
      result.put("end_time", task.finishedAt() / 1000.0);
      result.put("duration", (task.finishedAt() - task.submittedAt()) / 1000.0);
      answer.put("progress", 1.0);
    } else {
      answer.putNull("result");
      if (status.progress() == null) {
        answer.putNull("progress");
      } else {
        answer.put("progress", status.progress());
      }
    }
    answer.putNull("details");
    answer.putNull("preview");
    FakeHttp.json(exchange, 200, answer, Map.of());
  }

  private void deliver(HttpExchange exchange, String file) throws IOException {
    if (failDeliveries.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      FakeHttp.send(exchange, 503, "text/plain", bytes("Service Unavailable"), Map.of());
      return;
    }
    String id = file.contains(".") ? file.substring(0, file.indexOf('.')) : file;
    FakeTask task = tasks.get(id);
    String exp = query(exchange.getRequestURI(), "exp");
    String sig = query(exchange.getRequestURI(), "sig");
    if (task == null || exp == null || sig == null) {
      FakeHttp.send(
          exchange,
          404,
          "application/xml",
          bytes(blobError("BlobNotFound", "The specified blob does not exist.")),
          Map.of());
      return;
    }
    long expires = Long.parseLong(exp);
    if (!sig.equals(sign(id + "|" + expires)) || clock.millis() > expires) {
      FakeHttp.send(
          exchange,
          403,
          "application/xml",
          bytes(
              blobError(
                  "AuthenticationFailed", "Signed expiry time has to be after signed start time.")),
          Map.of());
      return;
    }
    byte[] image = task.image();
    FakeHttp.send(
        exchange, 200, FakeImages.mediaType(task.input().outputFormat()), image, Map.of());
    charges.collected(id);
  }

  private void scheduleWebhook(FakeTask task, String base) {
    webhooks.schedule(
        () -> {
          long now = clock.millis();
          FakeTask.Status status = task.finish(now);
          ObjectNode payload = FacetJson.MAPPER.createObjectNode();
          payload.put("id", task.id());
          payload.put("status", status.name());
          if (status.name().equals("Ready")) {
            payload
                .putObject("result")
                .put("sample", deliveryUrl(base, task, task.finishedAt() + deliveryTtl.toMillis()));
          } else {
            payload.putNull("result");
          }
          payload.put("timestamp", now / 1000);
          byte[] body = FakeHttp.bytes(payload);
          HttpRequest.Builder post =
              HttpRequest.newBuilder(URI.create(task.input().webhookUrl()))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body));
          if (task.input().webhookSecret() != null) {
            post.header(
                "X-BFL-Signature",
                "sha256="
                    + hmac(task.input().webhookSecret().getBytes(StandardCharsets.UTF_8), body));
          }
          webhookClient.sendAsync(post.build(), HttpResponse.BodyHandlers.discarding());
        },
        generationTime.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private String deliveryUrl(String base, FakeTask task, long expires) {
    String extension =
        task.input().outputFormat().equals("jpeg") ? "jpg" : task.input().outputFormat();
    return base
        + "/delivery/"
        + task.id()
        + "."
        + extension
        + "?exp="
        + expires
        + "&sig="
        + sign(task.id() + "|" + expires);
  }

  private boolean authorised(HttpExchange exchange) throws IOException {
    String key = exchange.getRequestHeaders().getFirst("x-key");
    if (key == null) {
      detail(exchange, authFailureStatus, "Not authenticated");
      return false;
    }
    if (!key.equals(apiKey)) {
      detail(exchange, authFailureStatus, "Invalid API key");
      return false;
    }
    return true;
  }

  private String nextOutcome() {
    synchronized (outcomes) {
      return outcomes.isEmpty() ? "Ready" : outcomes.poll();
    }
  }

  private void tooMany(HttpExchange exchange, String message) throws IOException {
    throttled.incrementAndGet();
    Map<String, String> headers =
        retryAfterOn429 == null
            ? Map.of()
            : Map.of("Retry-After", Long.toString(retryAfterOn429.toSeconds()));
    FakeHttp.json(
        exchange, 429, FacetJson.MAPPER.createObjectNode().put("detail", message), headers);
  }

  private static void detail(HttpExchange exchange, int status, String detail) throws IOException {
    FakeHttp.json(
        exchange, status, FacetJson.MAPPER.createObjectNode().put("detail", detail), Map.of());
  }

  private static void validation(HttpExchange exchange, List<String> loc, String msg, String type)
      throws IOException {
    ObjectNode body = FacetJson.MAPPER.createObjectNode();
    ObjectNode problem = body.putArray("detail").addObject();
    ArrayNode location = problem.putArray("loc");
    loc.forEach(location::add);
    problem.put("msg", msg);
    problem.put("type", type);
    FakeHttp.json(exchange, 422, body, Map.of());
  }

  private String sign(String value) {
    return hmac(signingKey, value.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
  }

  private static String hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }

  private static String blobError(String code, String message) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>"
        + code
        + "</Code><Message>"
        + message
        + "</Message></Error>";
  }

  private static String query(URI uri, String name) {
    String query = uri.getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
