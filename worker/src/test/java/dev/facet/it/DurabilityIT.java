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
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Kills the worker process (SIGKILL) in the middle of generation. A new worker finishes the shoot,
 * and the variants stored before the kill are not rendered again: their objects are untouched.
 */
class DurabilityIT {

  private static final String BUCKET = "durability";
  private static final int VARIANTS = 6;

  @TempDir Path data;

  @Test
  void aWorkerKilledDuringGenerateLosesNothingAndRedoesNothing() throws Exception {
    try (DevServer temporal = RealStack.devServer(data.resolve("temporal"));
        EmbeddedS3 s3 = EmbeddedS3.start(data.resolve("s3"), 0);
        S3Client client = s3Client(s3)) {
      client.createBucket(b -> b.bucket(BUCKET));
      for (String photo : List.of("P03-front.jpg", "P03-side.jpg")) {
        Path file = RealStack.repository().resolve("examples/photos").resolve(photo);
        client.putObject(
            b -> b.bucket(BUCKET).key("uploads/durability/" + photo), RequestBody.fromFile(file));
      }
      String[] worker = {
        "--facet.temporal.mode=external",
        "--facet.temporal.address=" + temporal.target(),
        "--facet.store.mode=external",
        "--facet.store.endpoint=" + s3.endpoint(),
        "--facet.store.bucket=" + BUCKET,
        "--facet.store.access-key=" + EmbeddedS3.ACCESS_KEY,
        "--facet.store.secret-key=" + EmbeddedS3.SECRET_KEY,
        // One render at a time, so the kill lands between stored variants.
        "--facet.worker.generators.studio.max-concurrent=1"
      };
      WorkflowClient workflows = RealStack.client(temporal);
      ProductShootWorkflow shoot =
          workflows.newWorkflowStub(
              ProductShootWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(ProductShootWorkflow.workflowId("DURABLE"))
                  .setTaskQueue(TaskQueues.SHOOT)
                  .build());
      WorkflowClient.start(shoot::run, request());

      FacetProcess first = FacetProcess.start(data.resolve("worker-1.log"), "worker", worker);
      RealStack.await(
          "a few stored variants", Duration.ofMinutes(4), () -> candidates(client).size() >= 3);
      first.kill();
      Map<String, Instant> beforeKill = candidates(client);
      Instant killedAt = Instant.now();
      assertThat(beforeKill).as(first.output()).hasSizeLessThan(2 * VARIANTS);

      try (FacetProcess second =
          FacetProcess.start(data.resolve("worker-2.log"), "worker", worker)) {
        ShootResult result =
            WorkflowStub.fromTyped(shoot).getResult(6, TimeUnit.MINUTES, ShootResult.class);
        Map<String, Instant> after = candidates(client);

        long rerendered =
            beforeKill.entrySet().stream()
                .filter(e -> !after.get(e.getKey()).equals(e.getValue()))
                .count();
        System.out.printf(
            "durability: %d of %d variants stored before the SIGKILL, %d rendered after"
                + " it, %d rendered again; finished %s after the kill%n",
            beforeKill.size(),
            after.size(),
            after.size() - beforeKill.size(),
            rerendered,
            Duration.between(killedAt, Instant.now()));
        assertThat(result.outcome()).as(second.output()).isEqualTo(Stage.PUBLISHED);
        assertThat(after).hasSize(2 * VARIANTS);
        assertThat(rerendered).isZero();
      }
    }
  }

  private static ShootRequest request() {
    return new ShootRequest(
        new ProductSpec(
            "DURABLE", "Ruby halo pendant", "pendant", "18k rose gold", null, null, null),
        List.of(
            new ReferencePhoto("uploads/durability/P03-front.jpg", "front"),
            new ReferencePhoto("uploads/durability/P03-side.jpg", "side")),
        StyleGuide.whiteStudio(),
        new ShootPolicy(
            Approval.AUTO,
            0.0,
            Duration.ofMinutes(1),
            ShootPolicy.TimeoutAction.AUTO,
            VARIANTS,
            1,
            List.of("master"),
            null),
        null);
  }

  /** Stored candidates and when each was written. */
  private static Map<String, Instant> candidates(S3Client client) {
    return client
        .listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("shoots/shoot-DURABLE/"))
        .contents()
        .stream()
        .filter(o -> ShootKeys.isCandidate(o.key()))
        .collect(Collectors.toMap(S3Object::key, S3Object::lastModified));
  }

  private static S3Client s3Client(EmbeddedS3 s3) {
    return S3Client.builder()
        .endpointOverride(s3.endpoint())
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)))
        .build();
  }
}
