package dev.facet.devkit.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.facet.devkit.providers.Multipart.Part;
import dev.facet.json.FacetJson;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenAI Images API (https://platform.openai.com/docs/api-reference/images) as {@code
 * docs/providers.md} Part A describes it, with its sources: {@code POST /v1/images/generations}
 * (JSON) and {@code POST /v1/images/edits} (multipart, {@code image} or {@code image[]}, optional
 * {@code mask}), bearer auth, the error envelope and catalogue, request ids and rate-limit headers,
 * streaming, and every Part D scenario. Knobs are the fluent setters.
 *
 * <p>Over 400 lines because it is one provider's published contract, endpoint by endpoint with its
 * errors, to be read against that provider's documentation in one place.
 */
public final class FakeOpenAi extends ChargingFake {

  /** Part D scenarios, selectable per request with {@code X-Fake-Scenario}. */
  public static final Set<String> SCENARIOS =
      Set.of(
          "ok",
          "moderation_blocked",
          "bad_param",
          "invalid_image",
          "auth",
          "org_unverified",
          "rate_limited",
          "quota",
          "server_error",
          "overloaded",
          "overloaded_no_retry",
          "overloaded_long",
          "slow",
          "drop",
          "drop_after_accept",
          "truncated",
          "malformed",
          "corrupt_image");

  private static final Set<String> GPT_IMAGE_SIZES =
      Set.of("auto", "1024x1024", "1536x1024", "1024x1536", "256x256", "512x512");
  private static final Set<String> QUALITIES = Set.of("auto", "low", "medium", "high", "standard");
  private static final Set<String> BACKGROUNDS = Set.of("auto", "opaque", "transparent");
  private static final Set<String> FORMATS = Set.of("png", "jpeg", "webp");
  private static final int MAX_IMAGES = 16;

  private final ScenarioPicker scenarios;
  private final long seed;
  private final MetalShift metalShift;
  private final AtomicInteger requests = new AtomicInteger();
  private final Map<String, AtomicInteger> requestsBy = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicLong requestIds = new AtomicLong();
  private final Map<HttpExchange, String> requestIdsByExchange = new ConcurrentHashMap<>();

  private volatile String apiKey = "sk-fake";
  private volatile Set<String> models =
      Set.of(
          "gpt-image-1",
          "gpt-image-1-mini",
          "gpt-image-1.5",
          "gpt-image-2",
          "gpt-image-2-2026-04-21",
          "chatgpt-image-latest");
  private volatile Duration latency = Duration.ZERO;
  private volatile Duration slowDelay = Duration.ofSeconds(130);
  private volatile Duration dropDelay = Duration.ofMillis(200);
  private volatile Duration retryAfter = Duration.ofSeconds(2);
  private volatile boolean rateLimitHeaders = true;
  private volatile boolean billModerated;
  private volatile int maxConcurrent;
  private volatile int imagesPerMinute;
  private volatile Received last;
  private final Object ipmLock = new Object();
  private long windowStart;
  private int windowCount;
  private volatile Clock clock = Clock.systemUTC();

  FakeOpenAi(long seed) {
    this.seed = seed;
    this.metalShift = new MetalShift(seed);
    this.scenarios = new ScenarioPicker(SCENARIOS, seed);
  }

  /**
   * The clock requests are timed and per-minute limits reset by: a test moves it instead of
   * sleeping.
   */
  public FakeOpenAi clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** Requests being answered now. */
  public int inFlight() {
    return inFlight.get();
  }

  /** What the last accepted request carried: its text fields and its file parts, in order. */
  public record Received(String path, Map<String, String> fields, List<Part> files) {
    public List<String> fileFieldNames() {
      return files.stream().map(Part::name).toList();
    }
  }

  // ---- knobs -------------------------------------------------------------------------------

  /** The key {@code Authorization: Bearer} must carry. */
  public FakeOpenAi apiKey(String apiKey) {
    this.apiKey = apiKey;
    return this;
  }

  /** The scenarios of the next requests, in order (e.g. {@code rate_limited}, {@code ok}). */
  public FakeOpenAi script(String... scenarios) {
    this.scenarios.script(List.of(scenarios));
    return this;
  }

  /** Share of images answered with a shifted metal tone: a provider with a fidelity defect. */
  public FakeOpenAi metalShiftRate(double probability) {
    metalShift.rate(probability);
    return this;
  }

  /** How often a scenario happens on requests that have none scripted; draws are seeded. */
  public FakeOpenAi errorRate(String scenario, double probability) {
    scenarios.rate(scenario, probability);
    return this;
  }

  /** Added to every answer. */
  public FakeOpenAi latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  /** How long {@code slow} takes to answer (default 130 s, past most clients' timeouts). */
  public FakeOpenAi slowDelay(Duration slowDelay) {
    this.slowDelay = slowDelay;
    return this;
  }

  /** How long {@code drop_after_accept} works before hanging up. */
  public FakeOpenAi dropDelay(Duration dropDelay) {
    this.dropDelay = dropDelay;
    return this;
  }

  /** The {@code retry-after} of {@code rate_limited} and {@code overloaded} (default 2 s). */
  public FakeOpenAi retryAfter(Duration retryAfter) {
    this.retryAfter = retryAfter;
    return this;
  }

  /** Whether answers carry {@code x-ratelimit-*} (unverified for images: default on). */
  public FakeOpenAi rateLimitHeaders(boolean on) {
    this.rateLimitHeaders = on;
    return this;
  }

  /** Whether a moderation refusal is billed (unverified: default no). */
  public FakeOpenAi billModerated(boolean on) {
    this.billModerated = on;
    return this;
  }

  /** Requests served at once; more get 429 {@code rate_limit_exceeded}. 0 = no cap. */
  public FakeOpenAi maxConcurrent(int maxConcurrent) {
    this.maxConcurrent = maxConcurrent;
    return this;
  }

  /** Images per minute (the IPM limit, 5 on tier 1); more get 429. 0 = no limit. */
  public FakeOpenAi imagesPerMinute(int imagesPerMinute) {
    this.imagesPerMinute = imagesPerMinute;
    return this;
  }

  /** Model ids accepted; others get 404 {@code model_not_found}. */
  public FakeOpenAi models(Set<String> models) {
    this.models = Set.copyOf(models);
    return this;
  }

  // ---- observations ------------------------------------------------------------------------

  /** Requests received on the image endpoints, rejected ones included. */
  public int requests() {
    return requests.get();
  }

  /** Authorised requests, by the scenario they met ({@code ok}, {@code drop}, …). */
  public Map<String, Integer> requestsBy() {
    return counts(requestsBy);
  }

  /**
   * Answers with status 429 (rate limits, the concurrency cap, spent quota) since start or reset.
   */
  public int throttled() {
    return throttled.get();
  }

  public Received lastRequest() {
    return last;
  }

  void reset() {
    scenarios.reset();
    resetLedger();
    requests.set(0);
    requestsBy.clear();
    throttled.set(0);
    last = null;
    synchronized (ipmLock) {
      windowCount = 0;
    }
  }

  void script(List<String> scenarios) {
    this.scenarios.script(scenarios);
  }

  // ---- the API -----------------------------------------------------------------------------

  void handle(HttpExchange exchange) throws IOException {
    try {
      respond(exchange);
    } finally {
      requestIdsByExchange.remove(exchange);
    }
  }

  private void respond(HttpExchange exchange) throws IOException {
    long arrived = clock.millis();
    byte[] body = FakeHttp.body(exchange, incomplete);
    String path = exchange.getRequestURI().getPath();
    boolean edits = path.equals("/v1/images/edits");
    if (!exchange.getRequestMethod().equals("POST")
        || !(edits || path.equals("/v1/images/generations"))) {
      error(
          exchange,
          404,
          "Invalid URL (" + exchange.getRequestMethod() + " " + path + ")",
          "invalid_request_error",
          null,
          null);
      return;
    }
    requests.incrementAndGet();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (!Objects.equals(authorization, "Bearer " + apiKey)) {
      error(
          exchange,
          401,
          "Incorrect API key provided: "
              + masked(authorization)
              + ". You can find your API key at https://platform.openai.com/account/api-keys.",
          "invalid_request_error",
          null,
          "invalid_api_key");
      return;
    }
    String scenario;
    try {
      scenario = scenarios.next(exchange.getRequestHeaders().getFirst(ScenarioPicker.HEADER));
    } catch (IllegalArgumentException e) {
      error(exchange, 400, "fake: " + e.getMessage(), "invalid_request_error", null, null);
      return;
    }
    requestsBy.computeIfAbsent(scenario, k -> new AtomicInteger()).incrementAndGet();
    // A request holds a concurrency slot from its arrival to its answer, the latency included:
    // the latency stands for the provider's work. One that finds every slot taken holds none.
    if (inFlight.incrementAndGet() > maxConcurrent && maxConcurrent > 0) {
      inFlight.decrementAndGet();
      FakeHttp.pause(latency);
      rateLimited(exchange, "Rate limit reached: too many concurrent requests.");
      return;
    }
    try {
      FakeHttp.pause(latency);
      if (answeredBeforeWork(exchange, scenario)) {
        return;
      }
      serve(exchange, edits, body, scenario, arrived);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** Scenarios that fail before any work is done: nothing is billed. */
  private boolean answeredBeforeWork(HttpExchange exchange, String scenario) throws IOException {
    switch (scenario) {
      case "auth" ->
          error(
              exchange,
              401,
              "Incorrect API key provided: sk-ab****wxyz.",
              "invalid_request_error",
              null,
              "invalid_api_key");
      case "org_unverified" ->
          error(
              exchange,
              403,
              "Your organization must be verified to use the model `gpt-image-1`. Please go to: "
                  + "https://platform.openai.com/settings/organization/general and click on Verify "
                  + "Organization.",
              "invalid_request_error",
              null,
              null);
      case "rate_limited" ->
          rateLimited(
              exchange,
              "Rate limit reached for gpt-image-1 in "
                  + "organization org-fake on images per min (IPM): Limit 5, Used 5, Requested 1. "
                  + "Please try again in "
                  + retryAfter.toSeconds()
                  + "s.");
      case "quota" ->
          error(
              exchange,
              429,
              "You exceeded your current quota, please check your " + "plan and billing details.",
              "insufficient_quota",
              null,
              "credit_balance_exhausted");
      case "server_error" ->
          error(
              exchange,
              500,
              "The server had an error while processing your " + "request. Sorry about that!",
              "server_error",
              null,
              null);
      case "overloaded" -> overloaded(exchange, retryAfter, null);
      case "overloaded_no_retry" -> overloaded(exchange, retryAfter, "false");
      case "overloaded_long" -> overloaded(exchange, Duration.ofSeconds(300), null);
      case "drop" -> {
        hungUp.add(FakeHttp.clientRequestId(exchange));
        throw FakeHttp.drop();
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private void serve(
      HttpExchange exchange, boolean edits, byte[] body, String scenario, long arrived)
      throws IOException {
    ImageCall call;
    try {
      call =
          edits
              ? ImageCall.fromMultipart(exchange.getRequestHeaders().getFirst("Content-Type"), body)
              : ImageCall.fromJson(body);
    } catch (IllegalArgumentException e) {
      error(exchange, 400, e.getMessage(), "invalid_request_error", null, "invalid_value");
      return;
    }
    last = new Received(exchange.getRequestURI().getPath(), call.fields(), call.files());
    if (scenario.equals("bad_param")) {
      error(
          exchange,
          400,
          "Invalid value: '1000x1000'. Supported values are: '1024x1024', "
              + "'1024x1536', '1536x1024', and 'auto'.",
          "invalid_request_error",
          "size",
          "invalid_value");
      return;
    }
    if (rejected(exchange, call, edits)) {
      return;
    }
    if (!withinImagesPerMinute(call.n())) {
      rateLimited(
          exchange,
          "Rate limit reached for "
              + call.model()
              + " in organization "
              + "org-fake on images per min (IPM): Limit "
              + imagesPerMinute
              + ". Please try again in "
              + retryAfter.toSeconds()
              + "s.");
      return;
    }
    List<BufferedImage> inputs = new ArrayList<>();
    for (int i = 0; i < call.images().size(); i++) {
      var decoded = FakeImages.decode(call.images().get(i).data());
      if (decoded.isEmpty() || scenario.equals("invalid_image")) {
        error(
            exchange,
            400,
            "Invalid image file or mode for image " + (i + 1) + ", please check your image file.",
            "image_generation_user_error",
            null,
            "invalid_image_file");
        return;
      }
      inputs.add(decoded.get());
    }
    if (call.mask() != null && !maskFits(exchange, call.mask(), inputs.get(0))) {
      return;
    }
    if (scenario.equals("moderation_blocked")) {
      if (billModerated) {
        bill(exchange, scenario, call.n(), arrived);
        charges.answered(requestId(exchange));
      }
      error(
          exchange,
          400,
          "Your request was rejected by the safety system. If you believe this "
              + "is an error, contact us at help.openai.com and include the request ID "
              + requestId(exchange)
              + ". safety_violations=[sexual].",
          "image_generation_user_error",
          null,
          "moderation_blocked");
      return;
    }

    List<byte[]> images = new ArrayList<>();
    for (int i = 0; i < call.n(); i++) {
      long imageSeed = seed ^ call.prompt().hashCode() ^ (31L * i);
      BufferedImage picture =
          inputs.isEmpty()
              ? FakeImages.render(call.width(), call.height(), imageSeed)
              : FakeImages.derive(inputs.get(0), call.width(), call.height(), imageSeed);
      images.add(
          FakeImages.encode(
              metalShift.next() ? FakeImages.shiftMetal(picture) : picture, call.outputFormat()));
    }
    bill(exchange, scenario, call.n(), arrived);
    String id = requestId(exchange);
    try {
      answer(exchange, call, images, scenario, edits);
      if (scenario.equals("ok") || scenario.equals("slow")) {
        charges.collected(id);
      }
    } finally {
      charges.answered(id);
    }
  }

  private void bill(HttpExchange exchange, String scenario, int images, long arrived) {
    charge(requestId(exchange), exchange, scenario, scenario, images, arrived);
  }

  private void answer(
      HttpExchange exchange, ImageCall call, List<byte[]> images, String scenario, boolean edits)
      throws IOException {
    ObjectNode response = FacetJson.MAPPER.createObjectNode();
    response.put("created", clock.millis() / 1000);
    ArrayNode data = response.putArray("data");
    for (byte[] image : images) {
      byte[] payload =
          scenario.equals("corrupt_image")
              ? "this is not an image".getBytes(StandardCharsets.UTF_8)
              : image;
      data.addObject().put("b64_json", Base64.getEncoder().encodeToString(payload));
    }
    response.put("background", call.background().equals("auto") ? "opaque" : call.background());
    response.put("output_format", call.outputFormat());
    response.put("size", call.width() + "x" + call.height());
    response.put("quality", call.effectiveQuality());
    response.set("usage", usage(call));
    byte[] json = FakeHttp.bytes(response);
    switch (scenario) {
      case "slow" -> FakeHttp.pause(slowDelay);
      case "drop_after_accept" -> {
        FakeHttp.pause(dropDelay);
        throw FakeHttp.drop();
      }
      case "truncated" -> FakeHttp.truncated(exchange, "application/json", json);
      case "malformed" ->
          json =
              "{\"created\": 1730000000, \"data\": [{\"b64_json\": \"iVBOR"
                  .getBytes(StandardCharsets.UTF_8);
      default -> {}
    }
    if (call.stream()) {
      stream(exchange, call, images.get(0), edits);
    } else {
      FakeHttp.send(exchange, 200, "application/json", json, okHeaders(exchange));
    }
  }

  /** Server-sent events: the partial images, then the completed one with usage. */
  private void stream(HttpExchange exchange, ImageCall call, byte[] image, boolean edits)
      throws IOException {
    String prefix = edits ? "image_edit" : "image_generation";
    okHeaders(exchange).forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      String b64 = Base64.getEncoder().encodeToString(image);
      for (int i = 0; i < call.partialImages(); i++) {
        ObjectNode partial = event(prefix + ".partial_image", b64, call);
        partial.put("partial_image_index", i);
        writeEvent(out, prefix + ".partial_image", partial);
      }
      ObjectNode completed = event(prefix + ".completed", b64, call);
      completed.set("usage", usage(call));
      writeEvent(out, prefix + ".completed", completed);
    }
  }

  private ObjectNode event(String type, String b64, ImageCall call) {
    ObjectNode event = FacetJson.MAPPER.createObjectNode();
    event.put("type", type);
    event.put("b64_json", b64);
    event.put("created_at", clock.millis() / 1000);
    event.put("size", call.width() + "x" + call.height());
    event.put("quality", call.effectiveQuality());
    event.put("background", call.background().equals("auto") ? "opaque" : call.background());
    event.put("output_format", call.outputFormat());
    return event;
  }

  private static void writeEvent(OutputStream out, String name, JsonNode data) throws IOException {
    out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Contract checks of a real API (docs/providers.md A.1, A.2), as errors in its envelope. */
  private boolean rejected(HttpExchange exchange, ImageCall call, boolean edits)
      throws IOException {
    if (call.prompt().isBlank()) {
      return error(
          exchange,
          400,
          "Missing required parameter: 'prompt'.",
          "invalid_request_error",
          "prompt",
          "missing_required_parameter");
    }
    if (call.model() == null) {
      return error(
          exchange,
          400,
          "fake: only GPT image models are served; send 'model'.",
          "invalid_request_error",
          "model",
          "invalid_value");
    }
    if (!models.contains(call.model())) {
      return error(
          exchange,
          404,
          "The model '" + call.model() + "' does not exist or you do " + "not have access to it.",
          "invalid_request_error",
          null,
          "model_not_found");
    }
    if (call.inputFidelity() != null && call.model().startsWith("gpt-image-2")) {
      // As the real API answers it (pydantic/pydantic-ai#5413, vulca-visual-control-sdk#12).
      return error(
          exchange,
          400,
          "The model '" + call.model() + "' does not support the " + "'input_fidelity' parameter.",
          "image_generation_user_error",
          "input_fidelity",
          "invalid_input_fidelity_model");
    }
    if ("high".equals(call.inputFidelity()) && call.model().equals("gpt-image-1-mini")) {
      // lobehub/lobehub#9920: "input_fidelity 'high' is only supported for model gpt-image-1".
      return invalid(
          exchange,
          "input_fidelity",
          "input_fidelity 'high' is not supported for model gpt-image-1-mini.");
    }
    if (call.n() < 1 || call.n() > 10) {
      return invalid(exchange, "n", "Invalid 'n': integer must be between 1 and 10.");
    }
    if (!validSize(call.model(), call.size())) {
      return invalid(
          exchange,
          "size",
          "Invalid value: '"
              + call.size()
              + "'. Supported values "
              + "are: '1024x1024', '1024x1536', '1536x1024', and 'auto'.");
    }
    if (!QUALITIES.contains(call.quality())) {
      return invalid(exchange, "quality", "Invalid value: '" + call.quality() + "'.");
    }
    if (!BACKGROUNDS.contains(call.background())) {
      return invalid(exchange, "background", "Invalid value: '" + call.background() + "'.");
    }
    if (!FORMATS.contains(call.outputFormat())) {
      return invalid(exchange, "output_format", "Invalid value: '" + call.outputFormat() + "'.");
    }
    if (call.background().equals("transparent") && call.outputFormat().equals("jpeg")) {
      return invalid(
          exchange,
          "background",
          "Transparent background requires output_format " + "png or webp.");
    }
    if (edits && (call.images().isEmpty() || call.images().size() > MAX_IMAGES)) {
      return invalid(
          exchange,
          "image",
          call.images().isEmpty()
              ? "Missing required parameter: 'image'."
              : "Too many images: at most "
                  + MAX_IMAGES
                  + " are allowed, got "
                  + call.images().size()
                  + ".");
    }
    return false;
  }

  private boolean maskFits(HttpExchange exchange, Part mask, BufferedImage first)
      throws IOException {
    var decoded = FakeImages.decode(mask.data());
    if (decoded.isEmpty() || !decoded.get().getColorModel().hasAlpha()) {
      invalid(exchange, "mask", "Invalid mask image: it must be a PNG with an alpha channel.");
      return false;
    }
    if (decoded.get().getWidth() != first.getWidth()
        || decoded.get().getHeight() != first.getHeight()) {
      invalid(exchange, "mask", "Invalid mask image: its size must match the first image.");
      return false;
    }
    return true;
  }

  private static boolean validSize(String model, String size) {
    if (!model.startsWith("gpt-image-2")) {
      return GPT_IMAGE_SIZES.contains(size);
    }
    if (size.equals("auto")) {
      return true;
    }
    int[] wh = ImageCall.parseSize(size);
    if (wh == null || wh[0] % 16 != 0 || wh[1] % 16 != 0) {
      return false;
    }
    int longer = Math.max(wh[0], wh[1]);
    int shorter = Math.min(wh[0], wh[1]);
    return shorter >= 16 && longer <= 3840 && shorter <= 2160 && longer <= 3 * shorter;
  }

  private boolean withinImagesPerMinute(int n) {
    if (imagesPerMinute <= 0) {
      return true;
    }
    synchronized (ipmLock) {
      long now = clock.millis();
      if (now - windowStart >= 60_000) {
        windowStart = now;
        windowCount = 0;
      }
      if (windowCount + n > imagesPerMinute) {
        return false;
      }
      windowCount += n;
      return true;
    }
  }

  /**
   * Output tokens by the guide's table for 1024 px images (docs/providers.md A.1); input tokens are
   * a plausible invention (unverified).
   */
  private static ObjectNode usage(ImageCall call) {
    String q = call.effectiveQuality();
    int level = q.equals("low") ? 0 : q.equals("high") ? 2 : 1;
    long perImage;
    if (call.model().startsWith("gpt-image-2")) {
      long square = new long[] {196, 1756, 7024}[level];
      perImage = Math.round(square * (call.width() * (double) call.height()) / (1024 * 1024));
    } else if (call.width() == call.height()) {
      perImage = new long[] {272, 1056, 4160}[level];
    } else if (call.height() > call.width()) {
      perImage = new long[] {408, 1584, 6240}[level];
    } else {
      perImage = new long[] {400, 1568, 6208}[level];
    }
    long text = Math.max(1, call.prompt().length() / 4);
    long image = call.images().size() * ("high".equals(call.inputFidelity()) ? 4160L : 323L);
    long output = perImage * call.n();
    ObjectNode usage = FacetJson.MAPPER.createObjectNode();
    usage.put("total_tokens", text + image + output);
    usage.put("input_tokens", text + image);
    usage.put("output_tokens", output);
    usage.putObject("input_tokens_details").put("text_tokens", text).put("image_tokens", image);
    usage.putObject("output_tokens_details").put("image_tokens", output).put("text_tokens", 0);
    return usage;
  }

  private void rateLimited(HttpExchange exchange, String message) throws IOException {
    throttled.incrementAndGet();
    Map<String, String> headers = baseHeaders(exchange);
    headers.put("retry-after", Long.toString(Math.max(1, retryAfter.toSeconds())));
    headers.put("retry-after-ms", Long.toString(retryAfter.toMillis()));
    if (rateLimitHeaders) {
      headers.put("x-ratelimit-limit-requests", Integer.toString(limit()));
      headers.put("x-ratelimit-remaining-requests", "0");
      headers.put("x-ratelimit-reset-requests", retryAfter.toSeconds() + "s");
    }
    FakeHttp.json(
        exchange, 429, envelope(message, "requests", null, "rate_limit_exceeded"), headers);
  }

  private void overloaded(HttpExchange exchange, Duration after, String shouldRetry)
      throws IOException {
    Map<String, String> headers = baseHeaders(exchange);
    headers.put("retry-after", Long.toString(after.toSeconds()));
    if (shouldRetry != null) {
      headers.put("x-should-retry", shouldRetry);
    }
    FakeHttp.json(
        exchange,
        503,
        envelope(
            "The engine is currently overloaded, please try again " + "later",
            "service_unavailable_error",
            null,
            "server_is_overloaded"),
        headers);
  }

  private boolean invalid(HttpExchange exchange, String param, String message) throws IOException {
    return error(exchange, 400, message, "invalid_request_error", param, "invalid_value");
  }

  private boolean error(
      HttpExchange exchange, int status, String message, String type, String param, String code)
      throws IOException {
    if (status == 429) {
      throttled.incrementAndGet();
    }
    FakeHttp.json(exchange, status, envelope(message, type, param, code), baseHeaders(exchange));
    return true;
  }

  private static ObjectNode envelope(String message, String type, String param, String code) {
    ObjectNode error = FacetJson.MAPPER.createObjectNode();
    ObjectNode inner = error.putObject("error");
    inner.put("message", message);
    inner.put("type", type);
    inner.put("param", param);
    inner.put("code", code);
    return error;
  }

  private Map<String, String> okHeaders(HttpExchange exchange) {
    Map<String, String> headers = baseHeaders(exchange);
    if (rateLimitHeaders) {
      headers.put("x-ratelimit-limit-requests", Integer.toString(limit()));
      headers.put("x-ratelimit-remaining-requests", Integer.toString(Math.max(0, limit() - 1)));
      headers.put("x-ratelimit-reset-requests", "12ms");
    }
    return headers;
  }

  private Map<String, String> baseHeaders(HttpExchange exchange) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-request-id", requestId(exchange));
    headers.put("openai-organization", "org-fake");
    headers.put("openai-version", "2020-10-01");
    headers.put("openai-processing-ms", Long.toString(latency.toMillis()));
    return headers;
  }

  /**
   * One id per exchange, the same in the header, a moderation message and the charge log. Kept
   * here, not as an exchange attribute: the JDK server shares those across a context's exchanges.
   */
  private String requestId(HttpExchange exchange) {
    return requestIdsByExchange.computeIfAbsent(
        exchange,
        e -> String.format("req_%032x", seed * 1_000_003L + requestIds.incrementAndGet()));
  }

  private int limit() {
    return imagesPerMinute > 0 ? imagesPerMinute : 50;
  }

  private static String masked(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return "(none)";
    }
    String key = authorization.substring("Bearer ".length());
    return key.length() <= 8
        ? "****"
        : key.substring(0, 4) + "****" + key.substring(key.length() - 4);
  }
}
