package dev.facet.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.facet.app.catalog.CatalogClient;
import dev.facet.app.cli.CommandLines;
import dev.facet.app.shoot.ShootClient;
import dev.facet.catalog.CatalogWorkflow;
import dev.facet.shoot.ShootPolicy;
import dev.facet.storage.ObjectStore;
import dev.facet.temporal.TemporalEndpoint;
import dev.facet.testing.FakeRenderActivities;
import dev.facet.testing.FakeShootWorkflow;
import dev.facet.testing.InProcessStackTest;
import dev.facet.testing.TestImages;
import dev.facet.testing.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The {@code run} command end to end, with the fake workflow standing in for the real shoot. */
@InProcessStackTest
class CatalogRunTest {

  @Autowired CatalogRun run;
  @Autowired CatalogClient catalogs;
  @Autowired ShootClient shoots;
  @Autowired ObjectStore store;
  @Autowired TemporalEndpoint temporal;
  @LocalServerPort int port;
  @TempDir Path folder;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Terminal terminal = plain(printed);

  @Test
  void shootsTheFileAsOneCatalogCopiesImagesAndReportOutAndShowsThemAgainOnceFinished()
      throws IOException {
    CatalogFile catalog =
        catalog(
            "run-a.csv",
            """
            sku,name,type,metal,photos,policy
            RUN-A1,Solitaire,ring,18k yellow gold,front.jpg@front;side.jpg@side,auto
            RUN-A2,Pendant,pendant,18k rose gold,front.jpg@front,
            """);
    Path out = folder.resolve("out");

    int exit = run.run(catalog, options(catalog, out), terminal);

    assertThat(exit).isZero();
    assertThat(catalogs.status("run-a").orElseThrow().completed()).isTrue();
    Path image = out.resolve("RUN-A1/hero-amazon-main.jpg");
    assertThat(ImageIO.read(image.toFile()).getWidth()).isEqualTo(FakeRenderActivities.WIDTH);
    assertThat(out.resolve("RUN-A1/hero-master.jpg")).exists();
    assertThat(out.resolve("RUN-A2/hero-amazon-main.jpg")).exists();
    assertThat(out.resolve("run-a-report.csv")).content().contains("RUN-A1", "RUN-A2");
    assertThat(out.resolve("index.html"))
        .content()
        .contains("<img src=\"RUN-A1/hero-amazon-main.jpg\"", "<img src=\"../front.jpg\"");
    assertThat(FakeShootWorkflow.STARTS.get("RUN-A1")).hasValue(1);
    assertThat(output())
        .contains("Shooting 2 products of catalog 'run-a' (policy auto)")
        .contains("Started " + CatalogWorkflow.workflowId("run-a") + " with 2 products.")
        .containsPattern(
            "catalog run-a \\(finished\\) \\[#{24}] 2/2 done \\(2 published\\), 0 in"
                + " progress, 0 awaiting a reviewer, ETA 0:00")
        .containsPattern("RUN-A1 +hero +amazon-main +64x48 +\\S*/RUN-A1/hero-amazon-main.jpg")
        .contains("2 products: 2 published, 0 not published; 4 images; wall time")
        .containsPattern(
            "Report: s3://\\S+/catalogs/run-a/report.csv and catalogs/run-a/report.json, copied to"
                + " \\S*run-a-report.csv and \\S*run-a-report.json")
        .containsPattern("Gallery: \\S*out/index.html \\(opens offline; filter by verdict\\)");

    ByteArrayOutputStream again = new ByteArrayOutputStream();
    assertThat(run.run(catalog, options(catalog, folder.resolve("again")), plain(again))).isZero();
    assertThat(again.toString(StandardCharsets.UTF_8))
        .contains("Catalog 'run-a' has already run to its end; showing its results.")
        .contains("2 products: 2 published, 0 not published; 4 images");
    assertThat(folder.resolve("again/RUN-A2/hero-master.jpg")).exists();
    assertThat(FakeShootWorkflow.STARTS.get("RUN-A1")).hasValue(1);
  }

  @Test
  void tellsHowToApproveAWaitingProductAndFailsWhenAProductFails() throws Exception {
    CatalogFile catalog =
        catalog(
            "run-m.csv",
            """
            sku,name,type,metal,photos,policy
            RUN-M1,Solitaire,ring,18k yellow gold,front.jpg@front,manual
            FAIL-M2,Bangle,bangle,925 sterling silver,front.jpg@front,manual
            """);
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> run.run(catalog, options(catalog, folder.resolve("out")), terminal));

    String approve = "{\"action\":\"approve\",\"reviewer\":\"you\"}";
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(output())
                    .contains("RUN-M1 is waiting for a reviewer to approve or reject (round 1).")
                    .contains(
                        "curl -X POST http://localhost:"
                            + port
                            + "/api/shoots/RUN-M1/decisions -H \"Authorization: Bearer $FACET_API_KEY\""
                            + " -H 'Content-Type: application/json'"
                            + " -d '"
                            + approve
                            + "'")
                    .contains(
                        "temporal workflow signal --address "
                            + temporal.target()
                            + " --workflow-id shoot-RUN-M1 --name decision --input '"
                            + approve
                            + "'")
                    .containsPattern(
                        "1/2 done \\(1 failed\\), 0 in progress, 1 awaiting a reviewer"));
    decide("RUN-M1", approve);

    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(output())
        .contains("RUN-M1 AWAITING_APPROVAL round 1/3 waiting for a reviewer")
        .contains("2/2 done (1 published, 1 failed)")
        .containsPattern("FAIL-M2 +- +- +- +FAILED: the studio renderer found no product")
        .contains("2 products: 1 published, 1 not published; 2 images");
  }

  @Test
  void followsTheCatalogAlreadyRunningUnderItsIdInsteadOfStartingAnother() throws Exception {
    CatalogFile catalog =
        catalog(
            "run-r.csv",
            """
            sku,name,type,metal,photos,policy
            RUN-R1,Solitaire,ring,18k yellow gold,front.jpg@front,manual
            """);
    RunOptions options = options(catalog, folder.resolve("out"));
    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(() -> run.run(catalog, options, terminal));
    await().atMost(Duration.ofSeconds(20)).until(() -> output().contains("RUN-R1 is waiting"));

    // A second run of the same file, as after a restart: it must attach, not start again.
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    CompletableFuture<Integer> again =
        CompletableFuture.supplyAsync(() -> run.run(catalog, options, plain(second)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                second
                    .toString(StandardCharsets.UTF_8)
                    .contains("Catalog 'run-r' is already running (catalog-run-r); following it."));
    decide("RUN-R1", "{\"action\":\"approve\"}");

    assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(again.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(second.toString(StandardCharsets.UTF_8))
        .doesNotContain("Started ")
        .contains("1 product: 1 published, 0 not published; 2 images");
    assertThat(FakeShootWorkflow.STARTS.get("RUN-R1")).hasValue(1);
  }

  @Test
  void shootsWithTheChosenChannelsVariantsAndShots() throws IOException {
    CatalogFile catalog =
        catalog(
            "run-c.csv",
            """
            sku,name,type,metal,photos,policy
            RUN-C1,Solitaire,ring,18k yellow gold,front.jpg@front;side.jpg@side,auto
            """);
    RunOptions options =
        CommandLines.runOptions(
            "run",
            catalog.file().toString(),
            "--out",
            folder.resolve("out").toString(),
            "--channels",
            "Etsy,amazon",
            "--variants",
            "2",
            "--shots",
            "hero");

    assertThat(run.run(catalog, options, terminal)).isZero();

    assertThat(folder.resolve("out/RUN-C1/hero-etsy.jpg")).exists();
    assertThat(folder.resolve("out/RUN-C1/hero-amazon-main.jpg")).exists();
    assertThat(folder.resolve("out/RUN-C1/hero-master.jpg")).doesNotExist();
    ShootPolicy policy = shoots.state("RUN-C1").policy();
    assertThat(policy.channels()).containsExactly("etsy", "amazon-main");
    assertThat(policy.variants()).isEqualTo(2);
    assertThat(output())
        .contains("Channels: etsy, amazon-main; providers: studio; 2 variants per shot");
  }

  @Test
  void oneFileMixesPiecesForDifferentShopsEachShotWithItsOwnChannelsAndVariants()
      throws IOException {
    CatalogFile catalog =
        catalog(
            "run-mix.csv",
            """
            sku,name,type,metal,photos,policy,channels,variants
            RUN-MX1,Solitaire,ring,18k yellow gold,front.jpg@front,auto,etsy,1
            RUN-MX2,Pendant,pendant,18k rose gold,front.jpg@front,auto,,
            """);
    RunOptions options =
        CommandLines.runOptions(
            "run",
            catalog.file().toString(),
            "--out",
            folder.resolve("out").toString(),
            "--channels",
            "amazon",
            "--variants",
            "2",
            "--shots",
            "hero");

    assertThat(run.run(catalog, options, terminal)).isZero();

    assertThat(folder.resolve("out/RUN-MX1/hero-etsy.jpg")).exists();
    assertThat(folder.resolve("out/RUN-MX1/hero-amazon-main.jpg")).doesNotExist();
    assertThat(folder.resolve("out/RUN-MX2/hero-amazon-main.jpg")).exists();
    assertThat(shoots.state("RUN-MX1").policy())
        .extracting(ShootPolicy::channels, ShootPolicy::variants)
        .containsExactly(java.util.List.of("etsy"), 1);
    assertThat(shoots.state("RUN-MX2").policy())
        .extracting(ShootPolicy::channels, ShootPolicy::variants)
        .containsExactly(java.util.List.of("amazon-main"), 2);
    assertThat(output()).contains("1 of them with their own channels, providers or variants");
  }

  @Test
  void aRowNamingAChannelFacetDoesNotKnowIsRefusedWithItsLineBeforeAnythingIsUploaded()
      throws IOException {
    CatalogFile catalog =
        catalog(
            "run-rx.csv",
            """
            sku,name,type,metal,photos,policy,channels
            RUN-RX1,Solitaire,ring,18k yellow gold,front.jpg@front,auto,etsy
            RUN-RX2,Pendant,pendant,18k rose gold,front.jpg@front,auto,amazn;etsy
            """);
    int uploadsBefore = store.list("uploads/").size();

    for (RunOptions options :
        java.util.List.of(
            options(catalog, folder.resolve("out")),
            CommandLines.runOptions("run", catalog.file().toString(), "--dry-run"))) {
      assertThat(run.run(catalog, options, terminal)).isEqualTo(CatalogRun.REFUSED);
    }

    assertThat(output())
        .contains("run-rx.csv has a problem:")
        .contains(
            "line 3: RUN-RX2: channels: unknown channel 'amazn'; the channels are"
                + " amazon-main (or amazon),")
        .doesNotContain("Shooting")
        .doesNotContain("Plan for catalog");
    assertThat(catalogs.status("run-rx")).isEmpty();
    assertThat(store.list("uploads/")).hasSize(uploadsBefore);
  }

  @Test
  void aBudgetIsSaidAtTheStartAndWeighedInThePlan() throws IOException {
    CatalogFile catalog =
        catalog(
            "run-b.csv",
            """
            sku,name,type,metal,photos,policy
            RUN-B1,Solitaire,ring,18k yellow gold,front.jpg@front,auto
            """);
    RunOptions plan =
        CommandLines.runOptions("run", catalog.file().toString(), "--dry-run", "--budget", "1");
    RunOptions shoot =
        CommandLines.runOptions(
            "run",
            catalog.file().toString(),
            "--out",
            folder.resolve("out").toString(),
            "--budget",
            "1");

    assertThat(run.run(catalog, plan, terminal)).isZero();
    assertThat(run.run(catalog, shoot, terminal)).isZero();

    assertThat(output())
        .contains(
            "Budget $1.00: the estimate $0.00, up to $0.00 if every round is sent back;"
                + " every paid product fits")
        .contains(
            "Budget: $1.00 for the catalog's paid generations; no paid product starts once"
                + " it could pass it (raise it: ./facet budget run-b USD)");
    assertThat(catalogs.status("run-b").orElseThrow().completed()).isTrue();
  }

  @Test
  void anUnknownNameIsRefusedWithTheValidOnesBeforeAnythingIsUploadedOrStarted()
      throws IOException {
    CatalogFile catalog =
        catalog(
            "run-x.csv",
            """
            sku,name,type,metal,photos,policy
            RUN-X1,Solitaire,ring,18k yellow gold,front.jpg@front,auto
            """);
    RunOptions options =
        CommandLines.runOptions(
            "run", catalog.file().toString(), "--channels", "amazn", "--providers", "midjourney");

    assertThat(run.run(catalog, options, terminal)).isEqualTo(CatalogRun.REFUSED);

    assertThat(output())
        .contains("unknown channel 'amazn'; the channels are amazon-main (or amazon),")
        .contains("'midjourney' is no generator; the generators are studio, openai, flux")
        .doesNotContain("Shooting");
    assertThat(catalogs.status("run-x")).isEmpty();
    assertThat(FakeShootWorkflow.STARTS).doesNotContainKey("RUN-X1");
  }

  @Test
  void aDryRunChecksEveryPhotoAndPrintsThePlanButUploadsAndStartsNothing() throws IOException {
    Files.writeString(folder.resolve("not-a-photo.jpg"), "plain text");
    CatalogFile catalog =
        catalog(
            "run-d.csv",
            """
            sku,name,type,metal,photos,policy
            RUN-D1,Solitaire,ring,18k yellow gold,front.jpg@front;side.jpg@side,auto
            RUN-D2,Pendant,pendant,18k rose gold,front.jpg@front,
            RUN-D3,Bangle,bangle,925 sterling silver,not-a-photo.jpg@front,
            """);
    int uploadsBefore = store.list("uploads/").size();
    RunOptions options =
        CommandLines.runOptions(
            "run",
            catalog.file().toString(),
            "--dry-run",
            "--channels",
            "etsy,amazon",
            "--variants",
            "2");

    int exit = run.run(catalog, options, terminal);

    assertThat(exit).as("a product would be left out").isOne();
    assertThat(output())
        .contains("RUN-D3 would be left out: Photo 1 (not-a-photo.jpg)")
        .contains("Plan for catalog 'run-d' (dry run: nothing was uploaded, started or paid)")
        .contains(
            "2 products × 2 shots (hero, profile) × 2 variants = 8 candidate images; approval auto")
        .contains("8 finished images: one per product, shot and channel (etsy, amazon-main)")
        .containsPattern("studio +8 +\\$0\\.000 +\\$0\\.00 +\\d+ +")
        .doesNotContain("Started ");
    assertThat(catalogs.status("run-d")).isEmpty();
    assertThat(FakeShootWorkflow.STARTS).doesNotContainKeys("RUN-D1", "RUN-D2", "RUN-D3");
    assertThat(store.list("uploads/")).hasSize(uploadsBefore);
    assertThat(store.list("catalogs/run-d/")).isEmpty();
  }

  private void decide(String sku, String decision) {
    RestClient.create("http://localhost:" + port)
        .post()
        .uri("/api/shoots/" + sku + "/decisions")
        .header(HttpHeaders.AUTHORIZATION, TestKeys.bearer(TestKeys.REVIEWER))
        .contentType(MediaType.APPLICATION_JSON)
        .body(decision)
        .retrieve()
        .toBodilessEntity();
  }

  private CatalogFile catalog(String name, String csv) throws IOException {
    Files.write(folder.resolve("front.jpg"), TestImages.photo("P01_capture_1.jpg"));
    Files.write(folder.resolve("side.jpg"), TestImages.photo("P01_capture_3.jpg"));
    return CatalogFile.read(
        Files.writeString(folder.resolve(name), csv), Optional.empty(), Optional.empty());
  }

  private static RunOptions options(CatalogFile catalog, Path out) {
    return new RunOptions(catalog.file(), out, Optional.empty(), Optional.empty());
  }

  private static Terminal plain(ByteArrayOutputStream bytes) {
    return new Terminal(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
