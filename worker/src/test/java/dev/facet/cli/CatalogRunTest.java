package dev.facet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.facet.catalog.Catalog;
import dev.facet.catalog.CatalogReader;
import dev.facet.testing.FakeRenderActivities;
import dev.facet.testing.InProcessStackTest;
import dev.facet.testing.TestImages;
import dev.facet.temporal.TemporalEndpoint;
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
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The {@code run} command end to end, with the fake workflow standing in for the real one. */
@InProcessStackTest
class CatalogRunTest {

  @Autowired CatalogRun run;
  @Autowired TemporalEndpoint temporal;
  @LocalServerPort int port;
  @TempDir Path folder;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Terminal terminal =
      new Terminal(new PrintStream(printed, true, StandardCharsets.UTF_8), false);

  @Test
  void shootsEveryProductCopiesTheImagesOutAndSucceeds() throws IOException {
    Catalog catalog =
        catalog(
            """
            sku,name,type,metal,photos,policy
            RUN-A1,Solitaire,ring,18k yellow gold,front.jpg@front;side.jpg@side,auto
            RUN-A2,Pendant,pendant,18k rose gold,front.jpg@front,
            """);
    Path out = folder.resolve("out");

    int exit = run.run(catalog, new RunOptions(catalog.file(), out, Optional.empty()), terminal);

    assertThat(exit).isZero();
    Path image = out.resolve("RUN-A1/hero-amazon-main.jpg");
    assertThat(ImageIO.read(image.toFile()).getWidth()).isEqualTo(FakeRenderActivities.WIDTH);
    assertThat(out.resolve("RUN-A1/hero-master.jpg")).exists();
    assertThat(out.resolve("RUN-A2/hero-amazon-main.jpg")).exists();
    assertThat(output())
        .contains("RUN-A1 PUBLISHED round 1/3 published, 2 images")
        .containsPattern("RUN-A1 +hero +amazon-main +64x48 +\\S*/RUN-A1/hero-amazon-main.jpg")
        .contains("2 products: 2 published, 0 not published; 4 images; wall time");
  }

  @Test
  void tellsHowToApproveAWaitingShootAndFailsWhenAProductFails() throws Exception {
    Catalog catalog =
        catalog(
            """
            sku,name,type,metal,photos,policy
            RUN-M1,Solitaire,ring,18k yellow gold,front.jpg@front,manual
            FAIL-R1,Bangle,bangle,925 sterling silver,front.jpg@front,auto
            """);
    RunOptions options = new RunOptions(catalog.file(), folder.resolve("out"), Optional.empty());

    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(() -> run.run(catalog, options, terminal));

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
                            + "/api/shoots/RUN-M1/decisions -H 'Content-Type: application/json'"
                            + " -d '"
                            + approve
                            + "'")
                    .contains(
                        "temporal workflow signal --address "
                            + temporal.target()
                            + " --workflow-id shoot-RUN-M1 --name decision --input '"
                            + approve
                            + "'"));
    RestClient.create("http://localhost:" + port)
        .post()
        .uri("/api/shoots/RUN-M1/decisions")
        .contentType(MediaType.APPLICATION_JSON)
        .body(approve)
        .retrieve()
        .toBodilessEntity();

    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(output())
        .contains("RUN-M1 PUBLISHED")
        .containsPattern("FAIL-R1 FAILED round \\S+ failed: the studio renderer found no product")
        .containsPattern("FAIL-R1 +- +- +- +FAILED: the studio renderer found no product")
        .contains("2 products: 1 published, 1 not published; 2 images");
  }

  @Test
  void followsAShootThatIsAlreadyRunningInsteadOfStartingAnother() throws Exception {
    Catalog catalog =
        catalog(
            """
            sku,name,type,metal,photos,policy
            RUN-R1,Solitaire,ring,18k yellow gold,front.jpg@front,manual
            """);
    RunOptions options = new RunOptions(catalog.file(), folder.resolve("out"), Optional.empty());
    CompletableFuture<Integer> first =
        CompletableFuture.supplyAsync(() -> run.run(catalog, options, terminal));
    await().atMost(Duration.ofSeconds(20)).until(() -> output().contains("RUN-R1 is waiting"));

    // A second run of the same catalog, as after a restart: it must attach, not fail.
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    CompletableFuture<Integer> again =
        CompletableFuture.supplyAsync(
            () ->
                run.run(
                    catalog,
                    options,
                    new Terminal(new PrintStream(second, true, StandardCharsets.UTF_8), false)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                second
                    .toString(StandardCharsets.UTF_8)
                    .contains("RUN-R1 already has a running shoot (shoot-RUN-R1); following it."));
    RestClient.create("http://localhost:" + port)
        .post()
        .uri("/api/shoots/RUN-R1/decisions")
        .contentType(MediaType.APPLICATION_JSON)
        .body("{\"action\":\"approve\"}")
        .retrieve()
        .toBodilessEntity();

    assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(again.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(second.toString(StandardCharsets.UTF_8))
        .contains("1 product: 1 published, 0 not published; 2 images");
  }

  private Catalog catalog(String csv) throws IOException {
    Files.write(folder.resolve("front.jpg"), TestImages.jpeg(32, 32));
    Files.write(folder.resolve("side.jpg"), TestImages.jpeg(32, 32));
    return CatalogReader.read(Files.writeString(folder.resolve("catalog.csv"), csv));
  }

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }
}
