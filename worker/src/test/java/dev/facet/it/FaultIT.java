package dev.facet.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.app.objectstore.EmbeddedS3;
import dev.facet.model.ProductSpec;
import dev.facet.model.ReferencePhoto;
import dev.facet.model.StyleGuide;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootPolicy.Approval;
import dev.facet.shoot.ShootRequest;
import dev.facet.shoot.ShootResult;
import dev.facet.shoot.Stage;
import dev.facet.steps.ShootKeys;
import dev.facet.steps.TaskQueues;
import dev.facet.temporal.DevServer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The infrastructure failing under running shoots: the Temporal dev server SIGKILLed and restarted
 * on its SQLite file, and the object store gone for 30 seconds. Every shoot must still publish.
 */
class FaultIT {

  private static final String BUCKET = "faults";
  private static final List<String> PRODUCTS = List.of("P01", "P03", "P05");

  @TempDir Path data;

  private final int temporalPort = RealStack.freePort();
  private final int s3Port = RealStack.freePort();

  @Test
  void theTemporalServerKilledAndRestartedOnItsDatabaseLosesNoShoot() throws Exception {
    DevServer temporal = devServer();
    try (EmbeddedS3 s3 = EmbeddedS3.start(data.resolve("s3"), s3Port);
        FacetProcess worker = startShoots(temporal)) {
      RealStack.await("the first candidates", Duration.ofMinutes(4), () -> candidates() >= 4);
      int before = candidates();
      killDevServer();
      Thread.sleep(5_000);
      Instant restarted = Instant.now();
      temporal = devServer();

      Map<String, Stage> outcomes = outcomes(temporal);
      System.out.printf(
          "temporal restart: %s after %d candidates stored before the SIGKILL;"
              + " %d candidates in all; finished %s after the restart%n",
          outcomes, before, candidates(), Duration.between(restarted, Instant.now()));
      assertThat(outcomes)
          .as(worker.output())
          .containsOnlyKeys(PRODUCTS)
          .allSatisfy((sku, stage) -> assertThat(stage).isEqualTo(Stage.PUBLISHED));
    } finally {
      temporal.close();
    }
  }

  @Test
  void theObjectStoreGoneForThirtySecondsLosesNoShoot() throws Exception {
    try (DevServer temporal = devServer()) {
      EmbeddedS3 s3 = EmbeddedS3.start(data.resolve("s3"), s3Port);
      try (FacetProcess worker = startShoots(temporal)) {
        RealStack.await("the first candidates", Duration.ofMinutes(4), () -> candidates() >= 4);
        s3.close();
        Instant down = Instant.now();
        Thread.sleep(30_000);
        s3 = EmbeddedS3.start(data.resolve("s3"), s3Port);

        Map<String, Stage> outcomes = outcomes(temporal);
        System.out.printf(
            "object store out for 30 s: %s; finished %s after it went down%n",
            outcomes, Duration.between(down, Instant.now()));
        assertThat(outcomes)
            .as(worker.output())
            .containsOnlyKeys(PRODUCTS)
            .allSatisfy((sku, stage) -> assertThat(stage).isEqualTo(Stage.PUBLISHED));
      } finally {
        s3.close();
      }
    }
  }

  private DevServer devServer() {
    Path folder = data.resolve("temporal");
    return DevServer.start(
        new DevServer.Options(
            RealStack.cli(),
            temporalPort,
            0,
            folder.resolve("temporal.sqlite"),
            folder.resolve("temporal-" + Instant.now().toEpochMilli() + ".log"),
            dev.facet.shoot.ShootSearchAttributes.ALL,
            Duration.ofSeconds(90)));
  }

  /** SIGKILL, as a crash would: no chance to flush or say goodbye. */
  private void killDevServer() {
    ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("--port " + temporalPort))
        .forEach(ProcessHandle::destroyForcibly);
    RealStack.await(
        "the dev server to die",
        Duration.ofSeconds(30),
        () ->
            ProcessHandle.current()
                .descendants()
                .noneMatch(
                    p -> p.info().commandLine().orElse("").contains("--port " + temporalPort)));
  }

  /** Uploads the photos, starts a worker and the shoots. */
  private FacetProcess startShoots(DevServer temporal) throws Exception {
    try (S3Client client = s3Client()) {
      client.createBucket(b -> b.bucket(BUCKET));
      for (String sku : PRODUCTS) {
        for (String angle : List.of("front", "side")) {
          Path file =
              RealStack.repository().resolve("examples/photos").resolve(sku + "-" + angle + ".jpg");
          client.putObject(
              b -> b.bucket(BUCKET).key(photoKey(sku, angle)), RequestBody.fromFile(file));
        }
      }
    }
    FacetProcess worker =
        FacetProcess.start(
            data.resolve("worker.log"),
            "worker",
            "--facet.temporal.mode=external",
            "--facet.temporal.address=" + temporal.target(),
            "--facet.store.mode=external",
            "--facet.store.endpoint=http://127.0.0.1:" + s3Port,
            "--facet.store.bucket=" + BUCKET,
            "--facet.store.access-key=" + EmbeddedS3.ACCESS_KEY,
            "--facet.store.secret-key=" + EmbeddedS3.SECRET_KEY);
    WorkflowClient workflows = RealStack.client(temporal);
    for (String sku : PRODUCTS) {
      ProductShootWorkflow shoot =
          workflows.newWorkflowStub(
              ProductShootWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(ProductShootWorkflow.workflowId(sku))
                  .setTaskQueue(TaskQueues.SHOOT)
                  .build());
      WorkflowClient.start(shoot::run, request(sku));
    }
    return worker;
  }

  /** Each shoot's ending, waiting for it through whichever server now runs. */
  private static Map<String, Stage> outcomes(DevServer temporal) throws Exception {
    WorkflowClient workflows = RealStack.client(temporal);
    Map<String, Stage> outcomes = new TreeMap<>();
    for (String sku : PRODUCTS) {
      ShootResult result =
          workflows
              .newUntypedWorkflowStub(ProductShootWorkflow.workflowId(sku))
              .getResult(8, TimeUnit.MINUTES, ShootResult.class);
      outcomes.put(sku, result.outcome());
    }
    return outcomes;
  }

  private static ShootRequest request(String sku) {
    return new ShootRequest(
        new ProductSpec(sku, "Piece " + sku, "ring", "18k yellow gold", null, null, null),
        List.of(
            new ReferencePhoto(photoKey(sku, "front"), "front"),
            new ReferencePhoto(photoKey(sku, "side"), "side")),
        StyleGuide.whiteStudio(),
        new ShootPolicy(
            Approval.AUTO,
            0.0,
            Duration.ofMinutes(1),
            ShootPolicy.TimeoutAction.AUTO,
            4,
            1,
            List.of("master"),
            null),
        null);
  }

  private static String photoKey(String sku, String angle) {
    return "uploads/faults/" + sku + "-" + angle + ".jpg";
  }

  /** Candidates stored so far, across the shoots. */
  private int candidates() {
    try (S3Client client = s3Client()) {
      return (int)
          client.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("shoots/")).contents().stream()
              .filter(o -> ShootKeys.isCandidate(o.key()))
              .count();
    } catch (RuntimeException e) {
      return -1; // the store is down
    }
  }

  private S3Client s3Client() {
    return S3Client.builder()
        .endpointOverride(java.net.URI.create("http://127.0.0.1:" + s3Port))
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)))
        .build();
  }
}
