package dev.facet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import ch.qos.logback.classic.Level;
import dev.facet.app.objectstore.EmbeddedS3;
import dev.facet.catalog.CatalogWorkflow;
import dev.facet.devkit.providers.FakeProviderServer;
import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.steps.TaskQueues;
import dev.facet.storage.S3ObjectStore;
import dev.facet.temporal.DevServer;
import dev.facet.temporal.SearchAttributeRegistrar;
import dev.facet.temporal.TemporalCli;
import dev.facet.testing.Proc;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * What a benchmark runs on: the real {@code temporal server start-dev} (SQLite file), the embedded
 * S3 server, the fake provider server, and {@link BenchWorker} in a JVM of its own.
 */
final class Bench implements AutoCloseable {

  static final String OPENAI_KEY = "sk-fake";

  /** Small, cheap images: the fake renders what is asked for, and pixels are not measured here. */
  static final String OPENAI_MODEL = "gpt-image-2";

  static final String OPENAI_SIZE = "256x256";

  /** The price table has no 256x256: the 1024x1024 low price of the model, for the cost figures. */
  static final double OPENAI_PRICE_USD = 0.006;

  static final String BUCKET = "bench";
  static final String FLUX_KEY = "bfl-fake";

  final Path folder;
  final DevServer server;
  final EmbeddedS3 s3;
  final S3ObjectStore store;
  final FakeProviderServer fake;
  final WorkflowServiceStubs stubs;
  final WorkflowClient client;
  private final List<String> workerJvmArgs;
  private final String[] workerArgs;
  private volatile WorkerProcess worker;
  private int workerStarts = 1;
  private final Set<Long> killedPids = ConcurrentHashMap.newKeySet();

  private Bench(
      Path folder,
      DevServer server,
      EmbeddedS3 s3,
      S3ObjectStore store,
      FakeProviderServer fake,
      WorkflowServiceStubs stubs,
      List<String> workerJvmArgs,
      String[] workerArgs,
      WorkerProcess worker) {
    this.folder = folder;
    this.server = server;
    this.s3 = s3;
    this.store = store;
    this.fake = fake;
    this.stubs = stubs;
    this.client = WorkflowClient.newInstance(stubs);
    this.workerJvmArgs = workerJvmArgs;
    this.workerArgs = workerArgs;
    this.worker = worker;
  }

  /** A stub for a new catalog workflow, tagged with its id as the application tags one. */
  CatalogWorkflow catalog(String catalogId) {
    return client.newWorkflowStub(
        CatalogWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(CatalogWorkflow.workflowId(catalogId))
            .setTaskQueue(TaskQueues.SHOOT)
            .setTypedSearchAttributes(
                SearchAttributes.newBuilder().set(ShootSearchAttributes.CATALOG, catalogId).build())
            .build());
  }

  /**
   * The {@code temporal} CLI the stack needs: a test is skipped without it, unless {@code
   * FACET_REQUIRE_TEMPORAL_CLI=true} (as in CI) makes that a failure.
   */
  static void assumeTemporalCli() {
    Optional<Path> cli = TemporalCli.locate(null);
    if ("true".equals(System.getenv("FACET_REQUIRE_TEMPORAL_CLI"))) {
      assertThat(cli).as("the temporal CLI (FACET_REQUIRE_TEMPORAL_CLI=true)").isPresent();
    }
    assumeThat(cli).as("No `temporal` CLI found: skipped.").isPresent();
  }

  WorkerProcess worker() {
    return worker;
  }

  /** The process ids of the workers SIGKILLed so far. */
  Set<Long> killedPids() {
    return Set.copyOf(killedPids);
  }

  /**
   * SIGKILLs the worker JVM (no shutdown hook, no goodbye to the server) and starts a fresh one on
   * the same stack; returns once the new one polls.
   */
  synchronized void killAndRestartWorker() throws IOException {
    killedPids.add(worker.pid());
    worker.kill();
    worker =
        WorkerProcess.start(
            folder.resolve("worker-" + ++workerStarts + ".log"), workerJvmArgs, workerArgs);
  }

  /**
   * @param concurrency the generation worker's max concurrent activities
   * @param workerJvmArgs extra JVM options of the worker, e.g. {@code -Xmx512m}
   */
  static Bench start(int concurrency, List<String> workerJvmArgs) throws Exception {
    Path folder = Files.createTempDirectory("facet-bench-");
    Path cli =
        TemporalCli.locate(null)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The benchmark runs on the real Temporal dev server: install the `temporal` CLI"
                            + " (deploy/local/temporal.sh install)."));
    List<AutoCloseable> started = new ArrayList<>();
    try {
      DevServer server =
          DevServer.start(
              new DevServer.Options(
                  cli,
                  0,
                  0,
                  folder.resolve("temporal.sqlite"),
                  folder.resolve("temporal.log"),
                  ShootSearchAttributes.ALL,
                  Duration.ofSeconds(90)));
      started.add(server);
      EmbeddedS3 s3 = EmbeddedS3.start(folder.resolve("s3"), 0);
      started.add(s3);
      S3ObjectStore store = S3ObjectStore.connect(s3.settings(BUCKET)).ensureBucket();
      started.add(store);
      FakeProviderServer fake = FakeProviderServer.start(0, 42);
      started.add(fake);
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
      started.add(stubs::shutdownNow);
      SearchAttributeRegistrar.ensure(stubs, "default", ShootSearchAttributes.ALL);
      String[] workerArgs = {
        server.target(),
        s3.endpoint().toString(),
        BUCKET,
        fake.openAiBaseUrl().toString(),
        Integer.toString(concurrency),
        fake.bflBaseUrl().toString()
      };
      WorkerProcess worker =
          WorkerProcess.start(folder.resolve("worker.log"), workerJvmArgs, workerArgs);
      return new Bench(folder, server, s3, store, fake, stubs, workerJvmArgs, workerArgs, worker);
    } catch (Exception | Error e) {
      for (int i = started.size() - 1; i >= 0; i--) {
        try {
          started.get(i).close();
        } catch (Exception ignored) {
          // closing what started; the first failure is what matters
        }
      }
      throw e;
    }
  }

  @Override
  public void close() throws Exception {
    worker.close();
    stubs.shutdownNow();
    fake.close();
    store.close();
    s3.close();
    server.close();
  }

  /** Keeps the benchmark's own output readable and its CPU for the work: warnings only. */
  static void quietLogging() {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(Level.WARN);
    }
  }

  /** The 1-, 5- and 15-minute load averages, as /proc/loadavg has them. */
  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return "load "
          + parts[0]
          + " "
          + parts[1]
          + " "
          + parts[2]
          + " on "
          + Runtime.getRuntime().availableProcessors()
          + " cores";
    } catch (IOException e) {
      return "load unknown";
    }
  }

  /**
   * CPU seconds (user + system) used so far by the worker, the dev server and this process (the
   * embedded S3 server, the fake provider and the client), from /proc; empty off Linux.
   */
  Map<String, Double> cpuSeconds() {
    Map<String, Double> cpu = new java.util.LinkedHashMap<>();
    cpu.put("worker", Proc.cpuSeconds(worker.pid()));
    cpu.put("dev server", Proc.cpuSeconds(server.pid()));
    cpu.put("S3 + fake provider + client", Proc.cpuSeconds(ProcessHandle.current().pid()));
    return cpu;
  }

  static String mib(long bytes) {
    return String.format("%.0f MiB", bytes / (1024.0 * 1024.0));
  }

  /** The worker JVM: started on this JVM's class path, asked for its memory over stdin. */
  static final class WorkerProcess implements AutoCloseable {

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    final String ready;

    private WorkerProcess(Process process, Writer log, Path logPath) throws InterruptedException {
      this.process = process;
      this.commands =
          new PrintWriter(
              new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
      Thread pump =
          new Thread(
              () -> {
                try (BufferedReader out =
                        new BufferedReader(
                            new InputStreamReader(
                                process.getInputStream(), StandardCharsets.UTF_8));
                    log) {
                  String line;
                  while ((line = out.readLine()) != null) {
                    if (line.startsWith("BENCH ")) {
                      answers.add(line.substring("BENCH ".length()));
                    } else {
                      log.write(line + "\n");
                    }
                  }
                } catch (IOException e) {
                  // the worker has gone
                }
              },
              "bench-worker-output");
      pump.setDaemon(true);
      pump.start();
      String first = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (first == null && process.isAlive() && System.nanoTime() < deadline) {
        first = answers.poll(1, TimeUnit.SECONDS);
      }
      if (first == null || !first.startsWith("ready")) {
        process.destroyForcibly();
        throw new IllegalStateException("the benchmark worker did not start: see " + logPath);
      }
      this.ready = first;
    }

    static WorkerProcess start(Path log, List<String> jvmArgs, String... args) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmArgs);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(BenchWorker.class.getName());
      command.addAll(List.of(args));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try {
        return new WorkerProcess(process, Files.newBufferedWriter(log), log);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IllegalStateException(e);
      }
    }

    long pid() {
      return process.pid();
    }

    /** The worker's memory figures, after a full GC when {@code gc}. */
    Map<String, Long> stats(boolean gc) {
      commands.println(gc ? "stats-gc" : "stats");
      try {
        String answer = answers.poll(60, TimeUnit.SECONDS);
        if (answer == null || !answer.startsWith("stats ")) {
          throw new IllegalStateException("the benchmark worker did not answer: " + answer);
        }
        Map<String, Long> figures = new HashMap<>();
        for (String pair : answer.substring("stats ".length()).split(" ")) {
          String[] kv = pair.split("=");
          figures.put(kv[0], Long.parseLong(kv[1]));
        }
        return figures;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
      process.destroyForcibly();
      try {
        process.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() throws InterruptedException {
      commands.println("quit");
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  static void uncheckedSleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static UncheckedIOException unchecked(IOException e) {
    return new UncheckedIOException(e);
  }
}
