package dev.facet.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.facet.app.policy.ChannelNames;
import dev.facet.app.policy.ShootPolicies;
import dev.facet.app.providers.ImagePrices;
import dev.facet.app.providers.ProviderProperties;
import dev.facet.app.providers.ServedProviders;
import dev.facet.catalog.CatalogResult;
import dev.facet.catalogstore.CatalogReportDocument;
import dev.facet.catalogstore.ReportRow;
import dev.facet.imaging.ChannelPresets;
import dev.facet.manifest.ManifestFormat;
import dev.facet.manifest.ManifestWriter;
import dev.facet.model.ProductSpec;
import dev.facet.model.ReferencePhoto;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.temporal.DevServer;
import dev.facet.temporal.SearchAttributeRegistrar;
import dev.facet.temporal.TemporalCli;
import dev.facet.testing.EmbeddedS3Extension;
import dev.facet.testing.FakeShootWorkers;
import dev.facet.testing.FakeShootWorkflow;
import dev.facet.testing.TestImages;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 50-product catalog on the real {@code temporal server start-dev}, with the stand-in shoot: a
 * window of 8 and 20 starts per run, so the catalog continues as new twice on a real server.
 * Skipped without the CLI, unless {@code FACET_REQUIRE_TEMPORAL_CLI=true}.
 */
class CatalogDevServerTest {

  private static final int PRODUCTS = 50;
  private static final String CATALOG = "big-50";

  @RegisterExtension static final EmbeddedS3Extension s3 = new EmbeddedS3Extension();
  @TempDir static Path data;

  private static DevServer server;
  private static WorkflowServiceStubs stubs;
  private static WorkerFactory workers;
  private static WorkflowClient client;

  @BeforeAll
  static void startTheStack() {
    Optional<Path> cli = TemporalCli.locate(null);
    if ("true".equals(System.getenv("FACET_REQUIRE_TEMPORAL_CLI"))) {
      assertThat(cli).as("the temporal CLI (FACET_REQUIRE_TEMPORAL_CLI=true)").isPresent();
    }
    assumeThat(cli)
        .as(
            "No `temporal` CLI on the PATH, in ~/.temporalio/bin or ~/go/bin: skipped."
                + " Set FACET_REQUIRE_TEMPORAL_CLI=true to fail instead.")
        .isPresent();
    server =
        DevServer.start(
            new DevServer.Options(
                cli.get(),
                0,
                0,
                data.resolve("temporal.sqlite"),
                data.resolve("temporal.log"),
                ShootSearchAttributes.ALL,
                Duration.ofSeconds(60)));
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
    SearchAttributeRegistrar.ensure(stubs, "default", ShootSearchAttributes.ALL);
    client = WorkflowClient.newInstance(stubs);
    workers = WorkerFactory.newInstance(client);
    FakeShootWorkers.registration(s3.store()).registerOn(workers);
    workers.start();
  }

  @AfterAll
  static void stopTheStack() {
    if (workers != null) {
      workers.shutdownNow();
      workers.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (stubs != null) {
      stubs.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void fiftyProductsAreEachShotOnceAcrossContinueAsNewAndReportedOnce() throws Exception {
    CatalogClient catalogs =
        new CatalogClient(
            client,
            s3.store(),
            new CatalogProperties(null, 20),
            new ShootPolicies(
                ChannelNames.of(ChannelPresets.builtIn()), ServedProviders.elsewhere()),
            new ImagePrices(new ProviderProperties(null, null)));
    CatalogStart start =
        new CatalogStart(CATALOG, ManifestFormat.JSON, manifest(), ShootPolicy.Approval.AUTO, 8);

    CatalogStarted started = catalogs.start(start);
    CatalogStarted again = catalogs.start(start);
    CatalogResult result = catalogs.result(CATALOG).get(150, TimeUnit.SECONDS);

    assertThat(started.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.runId()).isEqualTo(started.runId());
    assertThat(result.progress().published()).isEqualTo(PRODUCTS);
    assertThat(result.progress().runs()).as("runs, continued as new").isGreaterThanOrEqualTo(3);
    IntStream.rangeClosed(1, PRODUCTS)
        .forEach(
            i ->
                assertThat(FakeShootWorkflow.STARTS.get(sku(i)))
                    .as("executions of %s seen by the worker", sku(i))
                    .hasValue(1));
    // The server's own count: one ProductShoot execution per product.
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .countWorkflows(
                                "WorkflowType = 'ProductShoot' AND FacetCatalog = '"
                                    + CATALOG
                                    + "'")
                            .getCount())
                    .isEqualTo(PRODUCTS));
    assertThat(result.report().products()).isEqualTo(PRODUCTS);
    CatalogReportDocument report =
        CatalogReportDocument.fromJson(s3.store().get(result.report().json().key()));
    assertThat(report.rows())
        .hasSize(PRODUCTS)
        .allMatch(ReportRow::published)
        .extracting(ReportRow::sku)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, PRODUCTS).mapToObj(CatalogDevServerTest::sku).toList());
  }

  private static byte[] manifest() {
    String photo = "uploads/big/0";
    s3.store().put(photo, TestImages.jpeg(24, 24), "image/jpeg");
    List<ManifestWriter.Product> products =
        IntStream.rangeClosed(1, PRODUCTS)
            .mapToObj(
                i ->
                    new ManifestWriter.Product(
                        new ProductSpec(sku(i), "Ring " + i, "ring", "18k gold", null, null, null),
                        List.of(new ReferencePhoto(photo, "front"))))
            .toList();
    return ManifestWriter.json(CATALOG, products);
  }

  private static String sku(int i) {
    return "BIG-%02d".formatted(i);
  }
}
