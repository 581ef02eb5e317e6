package dev.facet.cli;

import dev.facet.catalog.Catalog;
import dev.facet.catalog.CatalogProduct;
import dev.facet.catalog.PhotoSource;
import dev.facet.client.Failures;
import dev.facet.client.InvalidShootRequestException;
import dev.facet.client.ShootAlreadyRunningException;
import dev.facet.client.ShootClient;
import dev.facet.client.ShootNotFoundException;
import dev.facet.client.ShootStarted;
import dev.facet.client.ShootUnavailableException;
import dev.facet.client.UnknownPhotosException;
import dev.facet.model.ReferencePhoto;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootRequest;
import dev.facet.shoot.ShootResult;
import dev.facet.shoot.ShootState;
import dev.facet.storage.ObjectStore;
import dev.facet.temporal.TemporalEndpoint;
import dev.facet.temporal.TemporalProperties;
import dev.facet.uploads.IncomingPhoto;
import dev.facet.uploads.PhotoUploads;
import dev.facet.uploads.RejectedUploadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code run} command: uploads every product's photos, starts one shoot per product, follows
 * them until they finish (telling reviewers how to decide when one waits), copies the finished
 * images out and reports.
 */
@Component
public class CatalogRun {

  private static final Duration POLL = Duration.ofSeconds(1);

  private final PhotoUploads uploads;
  private final ShootClient shoots;
  private final ObjectStore store;
  private final TemporalEndpoint temporal;
  private final TemporalProperties temporalProperties;
  private final Environment environment;

  public CatalogRun(
      PhotoUploads uploads,
      ShootClient shoots,
      ObjectStore store,
      TemporalEndpoint temporal,
      TemporalProperties temporalProperties,
      Environment environment) {
    this.uploads = uploads;
    this.shoots = shoots;
    this.store = store;
    this.temporal = temporal;
    this.temporalProperties = temporalProperties;
    this.environment = environment;
  }

  /**
   * @return 0 when every product was published and its images copied, 1 otherwise
   */
  public int run(Catalog catalog, RunOptions options, Terminal terminal) {
    Instant begin = Instant.now();
    String api = "http://localhost:" + environment.getProperty("local.server.port", "8080");
    ReviewInstructions instructions =
        new ReviewInstructions(
            api, temporal.target(), temporalProperties.namespace(), temporal.webUi());
    introduce(catalog, options, api, terminal);
    ProgressBoard board = new ProgressBoard(terminal);
    List<TrackedShoot> tracked =
        catalog.products().stream().map(p -> new TrackedShoot(p, begin)).toList();
    for (TrackedShoot shoot : tracked) {
      start(shoot, catalog.id(), options, board);
    }
    follow(tracked, board, instructions);
    List<ExportedImage> images = export(tracked, new ImageExport(store, options.out()));
    RunReport.print(terminal.out(), tracked, images, Duration.between(begin, Instant.now()));
    return tracked.stream().allMatch(TrackedShoot::published) ? 0 : 1;
  }

  private void introduce(Catalog catalog, RunOptions options, String api, Terminal terminal) {
    terminal
        .out()
        .printf(
            "Shooting %d products of catalog '%s' into %s%n",
            catalog.products().size(),
            catalog.id(),
            options.out());
    terminal.out().printf("Temporal: %s%n", temporal.description());
    temporal.webUi().ifPresent(ui -> terminal.out().printf("Web UI:   %s%n", ui));
    terminal.out().printf("API:      %s/api%n%n", api);
  }

  private void start(
      TrackedShoot shoot, String catalogId, RunOptions options, ProgressBoard board) {
    CatalogProduct product = shoot.product();
    try {
      List<ReferencePhoto> photos =
          uploads.store(read(product.photos())).stream()
              .map(photo -> new ReferencePhoto(photo.key(), photo.angle()))
              .toList();
      ShootPolicy.Approval approval =
          options.approval().or(product::approval).orElse(ShootPolicy.Approval.AUTO);
      ShootStarted started =
          shoots.start(
              new ShootRequest(product.spec(), photos, null, policy(approval), catalogId));
      shoot.started(started, shoots.result(started), "starting");
    } catch (ShootAlreadyRunningException e) {
      board.message(
          shoot.sku() + " already has a running shoot (" + e.workflowId() + "); following it.");
      ShootStarted running = new ShootStarted(e.sku(), e.workflowId(), e.runId());
      shoot.started(running, shoots.result(running), "following the running shoot");
    } catch (RejectedUploadException
        | InvalidShootRequestException
        | UnknownPhotosException
        | UncheckedIOException e) {
      shoot.failed(e.getMessage(), Instant.now());
    }
  }

  private static List<IncomingPhoto> read(List<PhotoSource> photos) {
    List<IncomingPhoto> incoming = new ArrayList<>();
    for (PhotoSource photo : photos) {
      try {
        incoming.add(
            new IncomingPhoto(
                photo.path().getFileName().toString(),
                Files.readAllBytes(photo.path()),
                photo.angle()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + photo.path(), e);
      }
    }
    return incoming;
  }

  static ShootPolicy policy(ShootPolicy.Approval approval) {
    return approval == ShootPolicy.Approval.AUTO ? ShootPolicy.auto() : ShootPolicy.defaults();
  }

  private void follow(List<TrackedShoot> tracked, ProgressBoard board, ReviewInstructions help) {
    while (tracked.stream().anyMatch(shoot -> !shoot.isFinished())) {
      for (TrackedShoot shoot : tracked) {
        if (shoot.isFinished()) {
          continue;
        }
        CompletableFuture<ShootResult> result = shoot.result().orElseThrow();
        if (result.isDone()) {
          settle(shoot, result);
        } else {
          observe(shoot, board, help);
        }
      }
      board.draw(tracked, Instant.now());
      awaitAnyResult(tracked);
    }
    board.draw(tracked, Instant.now());
  }

  private void observe(TrackedShoot shoot, ProgressBoard board, ReviewInstructions help) {
    try {
      ShootState state = shoots.state(shoot.sku());
      shoot.observed(state);
      if (state.awaitingHuman() && shoot.firstSight(state.stage(), state.round())) {
        board.message(help.explain(state, shoot.startedShoot().orElseThrow().runId()));
      }
    } catch (ShootUnavailableException | ShootNotFoundException e) {
      shoot.note("waiting for the workflow to answer");
    }
  }

  private static void settle(TrackedShoot shoot, CompletableFuture<ShootResult> result) {
    try {
      shoot.finished(result.get(), Instant.now());
    } catch (ExecutionException e) {
      shoot.failed(Failures.rootMessage(e), Instant.now());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while following the shoots", e);
    }
  }

  /** Waits up to one poll interval, and less when a shoot finishes sooner. */
  private static void awaitAnyResult(List<TrackedShoot> tracked) {
    CompletableFuture<?>[] pending =
        tracked.stream()
            .filter(shoot -> !shoot.isFinished())
            .flatMap(shoot -> shoot.result().stream())
            .toArray(CompletableFuture[]::new);
    if (pending.length == 0) {
      return;
    }
    try {
      CompletableFuture.anyOf(pending).get(POLL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Time to poll again, or a shoot ended: the next round looks at it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while following the shoots", e);
    }
  }

  private static List<ExportedImage> export(List<TrackedShoot> tracked, ImageExport export) {
    List<ExportedImage> images = new ArrayList<>();
    for (TrackedShoot shoot : tracked) {
      if (!shoot.published()) {
        continue;
      }
      try {
        images.addAll(export.export(shoot.sku(), shoot.outcome().orElseThrow().finals()));
      } catch (RuntimeException e) {
        shoot.exportFailed("published, but copying its images failed: " + e.getMessage());
      }
    }
    return images;
  }
}
