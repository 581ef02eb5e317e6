package dev.facet.devkit.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.facet.json.FacetJson;
import dev.facet.steps.Providers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Both paid image APIs, faked on one local port for tests and offline runs: OpenAI under {@code
 * /v1/images/*} ({@link FakeOpenAi}), BFL under {@code /v1/flux-*}, {@code /v1/credits}, the
 * polling cluster path and {@code /delivery/*} ({@link FakeBfl}). Point a client's base URL at
 * {@link #openAiBaseUrl()} or {@link #bflBaseUrl()}.
 *
 * <p>Admin endpoints: {@code GET /admin/billed} ({@code {"openai":n,"flux":m}}), {@code GET
 * /admin/stats}, {@code POST /admin/reset}, and {@code POST /admin/openai/script}, {@code
 * /admin/flux/script}, {@code /admin/flux/outcomes} with a JSON array of scenario or status names.
 *
 * <p>Standalone, from the repository root: {@code ./facet fake-providers --port 8089} (it builds
 * this module and runs this class on its classpath); {@code --help} lists the knobs.
 */
public final class FakeProviderServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FakeProviderServer.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final FakeOpenAi openAi;
  private final FakeBfl bfl;

  private FakeProviderServer(HttpServer server, ExecutorService executor, long seed) {
    this.server = server;
    this.executor = executor;
    this.openAi = new FakeOpenAi(seed);
    this.bfl = new FakeBfl(seed);
    server.createContext("/v1/images/", guard(openAi::handle));
    server.createContext("/admin/", guard(this::admin));
    server.createContext("/", guard(bfl::handle));
  }

  /**
   * Starts on the loopback interface.
   *
   * @param port 0 picks a free one
   * @param seed makes ids, error draws and images repeatable
   */
  public static FakeProviderServer start(int port, long seed) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
      ExecutorService executor =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "fake-provider");
                t.setDaemon(true);
                return t;
              });
      server.setExecutor(executor);
      FakeProviderServer fake = new FakeProviderServer(server, executor, seed);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start the fake provider server on port " + port, e);
    }
  }

  public static FakeProviderServer start() {
    return start(0, 42);
  }

  public FakeOpenAi openAi() {
    return openAi;
  }

  public FakeBfl bfl() {
    return bfl;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The OpenAI base URL, {@code /v1} included, as the real one. */
  public URI openAiBaseUrl() {
    return URI.create("http://127.0.0.1:" + port() + "/v1");
  }

  /** The BFL base URL, without {@code /v1}, as the real one. */
  public URI bflBaseUrl() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** Generations charged per provider ("openai", "flux") since start or reset. */
  public Map<String, Integer> billed() {
    return Map.of(Providers.OPENAI, openAi.billed(), Providers.FLUX, bfl.billed());
  }

  /** Answers with status 429 per provider ("openai", "flux") since start or reset. */
  public Map<String, Integer> throttled() {
    return Map.of(Providers.OPENAI, openAi.throttled(), Providers.FLUX, bfl.throttled());
  }

  /** Forgets tasks, counters and scripts; knobs stay as set. */
  public void reset() {
    openAi.reset();
    bfl.reset();
  }

  @Override
  public void close() {
    server.stop(0);
    bfl.close();
    executor.shutdownNow();
  }

  private void admin(HttpExchange exchange) throws IOException {
    byte[] body = FakeHttp.body(exchange);
    String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    ObjectNode answer = FacetJson.MAPPER.createObjectNode();
    switch (route) {
      case "GET /admin/billed" -> billed().forEach(answer::put);
      case "GET /admin/stats" -> {
        answer
            .putObject(Providers.OPENAI)
            .put("billed", openAi.billed())
            .put("requests", openAi.requests())
            .put("throttled", openAi.throttled());
        answer
            .putObject(Providers.FLUX)
            .put("billed", bfl.billed())
            .put("polls", bfl.polls())
            .put("throttled", bfl.throttled())
            .put("activeTasks", bfl.activeTasks())
            .put("credits", bfl.credits());
      }
      case "POST /admin/reset" -> reset();
      case "POST /admin/openai/script" -> openAi.script(names(body));
      case "POST /admin/flux/script" -> bfl.script(names(body));
      case "POST /admin/flux/outcomes" -> bfl.outcomes(names(body));
      default -> {
        FakeHttp.send(
            exchange, 404, "text/plain", FakeHttp.bytesOf("no admin route " + route), Map.of());
        return;
      }
    }
    FakeHttp.json(exchange, 200, answer, Map.of());
  }

  private static List<String> names(byte[] body) throws IOException {
    JsonNode array = FacetJson.MAPPER.readTree(body);
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException("expected a JSON array of names");
    }
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  /**
   * Lets a deliberate hang-up through (it must escape for the JDK server to drop the connection)
   * and turns a bug or a bad admin call into a readable 500 rather than a silent hang-up.
   */
  private static HttpHandler guard(HttpHandler handler) {
    return exchange -> {
      try {
        handler.handle(exchange);
      } catch (FakeHttp.DropConnection drop) {
        throw drop;
      } catch (RuntimeException e) {
        LOG.warn("Fake provider failed on {}", exchange.getRequestURI(), e);
        FakeHttp.send(
            exchange, 500, "text/plain", ("fake: " + e).getBytes(StandardCharsets.UTF_8), Map.of());
      } finally {
        exchange.close();
      }
    };
  }

  // ---- standalone ----------------------------------------------------------------------------

  public static void main(String[] args) throws InterruptedException {
    int port = 8089;
    long seed = 42;
    List<Runnable> knobs = new ArrayList<>();
    FakeProviderServer[] self = new FakeProviderServer[1];
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help")) {
        System.out.println(USAGE);
        return;
      }
      if (i + 1 >= args.length) {
        fail("missing value after " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--port" -> port = Integer.parseInt(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--openai-key" -> knobs.add(() -> self[0].openAi.apiKey(value));
        case "--bfl-key" -> knobs.add(() -> self[0].bfl.apiKey(value));
        case "--latency-ms" ->
            knobs.add(
                () -> {
                  self[0].openAi.latency(Duration.ofMillis(Long.parseLong(value)));
                  self[0].bfl.latency(Duration.ofMillis(Long.parseLong(value)));
                });
        case "--openai-error-rate" -> knobs.add(() -> rate(value, self[0].openAi::errorRate));
        case "--bfl-error-rate" -> knobs.add(() -> rate(value, self[0].bfl::errorRate));
        case "--openai-metal-shift-rate" ->
            knobs.add(() -> self[0].openAi.metalShiftRate(Double.parseDouble(value)));
        case "--bfl-metal-shift-rate" ->
            knobs.add(
                () -> {
                  if (value.contains("=")) {
                    rate(value, self[0].bfl::metalShiftRate);
                  } else {
                    self[0].bfl.metalShiftRate(Double.parseDouble(value));
                  }
                });
        case "--openai-slow-ms" ->
            knobs.add(() -> self[0].openAi.slowDelay(Duration.ofMillis(Long.parseLong(value))));
        case "--openai-ipm" ->
            knobs.add(() -> self[0].openAi.imagesPerMinute(Integer.parseInt(value)));
        case "--openai-max-concurrent" ->
            knobs.add(() -> self[0].openAi.maxConcurrent(Integer.parseInt(value)));
        case "--bfl-pending-polls" ->
            knobs.add(() -> self[0].bfl.progress(Integer.parseInt(value), Duration.ofSeconds(30)));
        case "--bfl-max-active" ->
            knobs.add(() -> self[0].bfl.maxActive(Integer.parseInt(value), 6));
        case "--bfl-credits" -> knobs.add(() -> self[0].bfl.credits(Double.parseDouble(value)));
        case "--bfl-ttl-s" ->
            knobs.add(() -> self[0].bfl.delivery(Duration.ofSeconds(Long.parseLong(value)), false));
        default -> fail("unknown flag " + flag);
      }
    }
    self[0] = start(port, seed);
    knobs.forEach(Runnable::run);
    Runtime.getRuntime().addShutdownHook(new Thread(self[0]::close));
    System.out.println(
        "Fake OpenAI at "
            + self[0].openAiBaseUrl()
            + " (key sk-fake unless set), "
            + "fake BFL at "
            + self[0].bflBaseUrl()
            + " (key bfl-fake unless set). Ctrl-C stops.");
    Thread.currentThread().join();
  }

  private interface Rate {
    Object set(String scenario, double probability);
  }

  private static void rate(String value, Rate rate) {
    String[] pair = value.split("=");
    rate.set(pair[0], Double.parseDouble(pair[1]));
  }

  private static void fail(String why) {
    System.err.println(why + "\n" + USAGE);
    System.exit(2);
  }

  private static final String USAGE =
      """
      FakeProviderServer: fake OpenAI Images + BFL FLUX APIs on one port.
        --port N                    listen port (default 8089; 0 = any)
        --seed N                    repeatable ids, draws and images (default 42)
        --openai-key K / --bfl-key K   keys the fakes accept (default sk-fake / bfl-fake)
        --latency-ms N              delay of every answer
        --openai-error-rate S=P     e.g. server_error=0.05 (repeatable); scenarios: %s
        --bfl-error-rate S=P        e.g. rate_limited=0.1 (repeatable); scenarios: %s
        --openai-metal-shift-rate P / --bfl-metal-shift-rate P
                                    share of images with a shifted metal tone (default 0)
        --bfl-metal-shift-rate MODEL=P   the same for one FLUX model, e.g. flux-pro-1.1=1.0
        --openai-slow-ms N          how long the 'slow' scenario takes (default 130000)
        --openai-ipm N              images per minute before 429 (default unlimited)
        --openai-max-concurrent N   concurrent requests before 429 (default unlimited)
        --bfl-pending-polls N       polls a task answers Pending (default 3)
        --bfl-max-active N          active tasks before 429 (default 24)
        --bfl-credits N             account credits, 1 credit = $0.01 (default 1000)
        --bfl-ttl-s N               result URL lifetime (default 600)
      Per request: header X-Fake-Scenario: <scenario>. Admin: GET /admin/billed, GET /admin/stats,
      POST /admin/reset, POST /admin/{openai,flux}/script ["..."], POST /admin/flux/outcomes ["..."].
      """
          .formatted(FakeOpenAi.SCENARIOS, FakeBfl.SCENARIOS);
}
