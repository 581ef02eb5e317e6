package dev.facet.catalogstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.facet.activities.StepActivities;
import dev.facet.catalog.BudgetRaise;
import dev.facet.catalog.CatalogProgress;
import dev.facet.catalog.CatalogRequest;
import dev.facet.catalog.CatalogResult;
import dev.facet.catalog.CatalogWorkflow;
import dev.facet.catalog.CatalogWorkflowImpl;
import dev.facet.catalogwatch.TemporalShootWatch;
import dev.facet.devkit.providers.FakeProviderServer;
import dev.facet.model.ShotSpec;
import dev.facet.model.StyleGuide;
import dev.facet.providers.ApiKey;
import dev.facet.providers.FluxGenerator;
import dev.facet.providers.flux.FluxClient;
import dev.facet.providers.flux.FluxOptions;
import dev.facet.providers.flux.FluxSettings;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ProductShootWorkflowImpl;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootPolicy.Approval;
import dev.facet.shoot.ShootPolicy.TimeoutAction;
import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.steps.TaskQueues;
import dev.facet.testing.EmbeddedS3Extension;
import dev.facet.testing.Fixtures;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A catalog's budget on real parts: the Catalog workflow, real product shoots with real capture,
 * post-processing and QA, FLUX Kontext [pro] through the real client against the fake BFL API,
 * which counts what it bills. Paid products stop at the cap, a studio product goes on, and raising
 * the budget starts the one held.
 */
class CatalogBudgetWithFakeProvidersTest {

  @RegisterExtension static final EmbeddedS3Extension s3 = new EmbeddedS3Extension();

  /** One shot, one variant, one round: a FLUX shoot may cost one $0.04 image. */
  private static final ShootPolicy ONE_FLUX_IMAGE =
      new ShootPolicy(
          Approval.AUTO,
          0.0,
          Duration.ofHours(1),
          TimeoutAction.AUTO,
          1,
          1,
          List.of("master"),
          List.of("flux"));

  private static final StyleGuide HERO_ONLY =
      new StyleGuide(
          "white-studio",
          "#ffffff",
          5500,
          0.8,
          false,
          List.of(new ShotSpec("hero", "three-quarter front view, camera slightly above", "front")),
          7L);

  private FakeProviderServer fake;
  private FluxClient flux;
  private TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    fake = FakeProviderServer.start();
    fake.bfl().progress(1, Duration.ofSeconds(30));
    flux =
        new FluxClient(
            FluxSettings.of(fake.bflBaseUrl(), new ApiKey("bfl-fake"))
                .withPolling(Duration.ofMillis(10), Duration.ofSeconds(20), 3));
    // Real time: the test polls the catalog while its shoots work.
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    ShootSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    Worker shoot = env.newWorker(TaskQueues.SHOOT);
    shoot.registerWorkflowImplementationTypes(
        ProductShootWorkflowImpl.class, CatalogWorkflowImpl.class);
    shoot.registerActivitiesImplementations(
        StepActivities.create(s3.store()).shootQueue().toArray());
    shoot.registerActivitiesImplementations(
        new CatalogActivitiesImpl(s3.store()), new TemporalShootWatch(env.getWorkflowClient()));
    env.newWorker(TaskQueues.generation("flux"))
        .registerActivitiesImplementations(
            new FluxGenerator(s3.store(), flux, FluxOptions.defaults()));
    env.newWorker(TaskQueues.generation("studio"))
        .registerActivitiesImplementations(
            StepActivities.create(s3.store()).generators().get("studio"));
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
    flux.close();
    fake.close();
  }

  @Test
  void paidShootsStopAtTheCapAFreeOneGoesOnAndRaisingTheBudgetStartsTheHeldOne() {
    s3.store().put("uploads/ring/front.jpg", Fixtures.bytes("P01_studio.jpg"), "image/jpeg");
    String manifest = "catalogs/capped/manifest.csv";
    s3.store()
        .put(
            manifest,
            """
        sku,name,type,metal,photos,providers
        CAP-1,Solitaire,ring,18k yellow gold,uploads/ring/front.jpg@front,
        CAP-2,Solitaire,ring,18k yellow gold,uploads/ring/front.jpg@front,
        CAP-3,Solitaire,ring,18k yellow gold,uploads/ring/front.jpg@front,studio
        CAP-4,Solitaire,ring,18k yellow gold,uploads/ring/front.jpg@front,
        """
                .getBytes(StandardCharsets.UTF_8),
            "text/csv");
    CatalogWorkflow catalog =
        env.getWorkflowClient()
            .newWorkflowStub(
                CatalogWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(CatalogWorkflow.workflowId("capped"))
                    .setTaskQueue(TaskQueues.SHOOT)
                    .build());

    WorkflowClient.start(
        catalog::run,
        new CatalogRequest(
            "capped",
            manifest,
            HERO_ONLY,
            ONE_FLUX_IMAGE,
            10,
            100,
            Duration.ofSeconds(5),
            null,
            0.08,
            Map.of("flux", 0.04)));

    CatalogProgress atCap =
        eventually(catalog, progress -> progress.inProgress() == 0 && progress.budget().reached());
    System.out.println("At the cap: " + atCap);
    assertThat(atCap.status()).isEqualTo("budget reached");
    assertThat(atCap.published()).as(atCap.failures().toString()).isEqualTo(3);
    assertThat(atCap.budget().heldSkus()).containsExactly("CAP-4");
    assertThat(atCap.budget().spentUsd()).isCloseTo(0.08, within(1e-9));
    assertThat(fake.billed()).containsEntry("flux", 2);
    assertThat(shootPolicy("CAP-3").providers()).containsExactly("studio");

    CatalogProgress raised = catalog.raiseBudget(new BudgetRaise(0.12));
    assertThat(raised.budget().capUsd()).isEqualTo(0.12);
    CatalogResult result = WorkflowStub.fromTyped(catalog).getResult(CatalogResult.class);

    assertThat(result.progress().status()).isEqualTo("finished");
    assertThat(result.progress().published()).isEqualTo(4);
    assertThat(result.progress().costUsd()).isCloseTo(0.12, within(1e-9));
    assertThat(fake.billed()).containsEntry("flux", 3);
    assertThat(shootPolicy("CAP-4").budgetUsd()).as("capped at what it reserved").isEqualTo(0.04);
  }

  private ShootPolicy shootPolicy(String sku) {
    return env.getWorkflowClient()
        .newWorkflowStub(ProductShootWorkflow.class, ProductShootWorkflow.workflowId(sku))
        .state()
        .policy();
  }

  /** Polls the catalog's progress until it fits, at most 3 minutes (real shoots on 2 cores). */
  private static CatalogProgress eventually(
      CatalogWorkflow catalog, Predicate<CatalogProgress> condition) {
    return await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(catalog::progress, condition);
  }
}
