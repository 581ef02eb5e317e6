package dev.facet.bench;

import dev.facet.activities.StepActivities;
import dev.facet.app.providers.ProviderGenerators;
import dev.facet.app.providers.ProviderProperties;
import dev.facet.catalog.CatalogWorkflowImpl;
import dev.facet.catalogstore.CatalogActivitiesImpl;
import dev.facet.catalogwatch.TemporalShootWatch;
import dev.facet.providerreport.ProviderReportActivitiesImpl;
import dev.facet.shoot.ProductShootWorkflowImpl;
import dev.facet.steps.TaskQueues;
import dev.facet.storage.S3ObjectStore;
import dev.facet.storage.S3Settings;
import dev.facet.testing.Proc;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The benchmark's worker, in its own JVM so its memory is its own: the real ProductShoot and
 * Catalog workflows, the real catalog activities, prompts, publishing and {@link
 * dev.facet.providers.OpenAiGenerator} (over HTTP to the fake), and {@link StandInSteps} for the
 * imaging steps. Registered as {@code ShootWorkers} does, with the default WorkerFactory options
 * the application uses; the generation worker runs at most {@code maxConcurrent} generations. Also
 * the {@link Baseline}'s bare workflow and provider call, under the same limit.
 *
 * <p>Arguments: temporal target, S3 endpoint, bucket, OpenAI base URL, max concurrent generations,
 * BFL base URL (FLUX, with the real {@link dev.facet.providers.FluxGenerator}, same limit). On
 * stdin, {@code stats} answers one {@code BENCH ...} line on stdout; {@code stats-gc} collects
 * garbage first.
 */
public final class BenchWorker {

  private BenchWorker() {}

  public static void main(String[] args) throws Exception {
    Bench.quietLogging();
    String target = args[0];
    S3Settings s3 =
        new S3Settings(
            URI.create(args[1]),
            args[2],
            "us-east-1",
            dev.facet.app.objectstore.EmbeddedS3.ACCESS_KEY,
            dev.facet.app.objectstore.EmbeddedS3.SECRET_KEY);
    URI openAiBaseUrl = URI.create(args[3]);
    int maxConcurrent = Integer.parseInt(args[4]);
    URI bflBaseUrl = URI.create(args[5]);

    S3ObjectStore store = S3ObjectStore.connect(s3);
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    WorkflowClient client = WorkflowClient.newInstance(stubs);
    WorkerFactoryOptions factoryOptions =
        WorkerFactoryOptions.newBuilder().validateAndBuildWithDefaults();
    WorkerFactory factory = WorkerFactory.newInstance(client, factoryOptions);

    StepActivities real = StepActivities.create(store);
    StandInSteps standIns = new StandInSteps(store);
    Worker shoot = factory.newWorker(TaskQueues.SHOOT);
    shoot.registerWorkflowImplementationTypes(
        ProductShootWorkflowImpl.class, CatalogWorkflowImpl.class);
    shoot.registerActivitiesImplementations(
        standIns,
        real.prompt(),
        real.publish(),
        new CatalogActivitiesImpl(store, UnaryOperator.identity(), StandInSteps::look),
        new TemporalShootWatch(client),
        new ProviderReportActivitiesImpl(store));

    ProviderProperties providers =
        new ProviderProperties(
            new ProviderProperties.OpenAi(
                Bench.OPENAI_KEY,
                openAiBaseUrl,
                Bench.OPENAI_MODEL,
                Bench.OPENAI_SIZE,
                "low",
                null,
                Bench.OPENAI_PRICE_USD),
            new ProviderProperties.Flux(Bench.FLUX_KEY, bflBaseUrl, null, null, null));
    ProviderGenerators.create(store, providers)
        .byProvider()
        .forEach(
            (provider, generator) ->
                factory
                    .newWorker(
                        TaskQueues.generation(provider),
                        WorkerOptions.newBuilder()
                            .setMaxConcurrentActivityExecutionSize(maxConcurrent)
                            .build())
                    .registerActivitiesImplementations(generator));
    factory
        .newWorker(Baseline.WORKFLOW_QUEUE)
        .registerWorkflowImplementationTypes(Baseline.ProductImpl.class);
    factory
        .newWorker(
            Baseline.CALL_QUEUE,
            WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(maxConcurrent).build())
        .registerActivitiesImplementations(new Baseline.CallImpl(openAiBaseUrl));
    factory.start();

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong heapPeak = new AtomicLong();
    ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bench-heap-sampler");
              t.setDaemon(true);
              return t;
            });
    sampler.scheduleAtFixedRate(
        () -> heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
        0,
        200,
        TimeUnit.MILLISECONDS);

    System.out.println(
        "BENCH ready cache="
            + factoryOptions.getWorkflowCacheSize()
            + " maxHeap="
            + Runtime.getRuntime().maxMemory());
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    long self = ProcessHandle.current().pid();
    String line;
    while ((line = in.readLine()) != null) {
      switch (line.trim()) {
        case "stats", "stats-gc" -> {
          if (line.trim().equals("stats-gc")) {
            System.gc();
            System.gc();
          }
          System.out.println(
              "BENCH stats heapUsed="
                  + memory.getHeapMemoryUsage().getUsed()
                  + " heapCommitted="
                  + memory.getHeapMemoryUsage().getCommitted()
                  + " heapPeakSampled="
                  + heapPeak.get()
                  + " rss="
                  + Proc.statusKb(self, "VmRSS") * 1024
                  + " rssPeak="
                  + Proc.statusKb(self, "VmHWM") * 1024
                  + " threads="
                  + Thread.activeCount());
          System.out.flush();
        }
        case "quit" -> {
          factory.shutdownNow();
          factory.awaitTermination(10, TimeUnit.SECONDS);
          stubs.shutdownNow();
          store.close();
          System.exit(0);
        }
        default -> System.out.println("BENCH unknown " + line);
      }
    }
    System.exit(0);
  }
}
