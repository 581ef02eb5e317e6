package dev.facet.api;

import dev.facet.catalog.CatalogProgress;
import dev.facet.catalog.CatalogReport;
import dev.facet.client.CatalogClient;
import dev.facet.client.CatalogStarted;
import dev.facet.client.ManifestIntake;
import dev.facet.openapi.ProblemResponses;
import dev.facet.storage.ObjectStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Catalogs: start one from a manifest, follow it, pause, resume or cancel it, get its report. */
@Tag(name = "Catalogs", description = "A collection of products shot as one Catalog workflow.")
@RestController
@RequestMapping("/api/catalogs")
class CatalogController {

  private final CatalogClient catalogs;
  private final ManifestIntake intake;
  private final ObjectStore store;

  CatalogController(CatalogClient catalogs, ManifestIntake intake, ObjectStore store) {
    this.catalogs = catalogs;
    this.intake = intake;
    this.store = store;
  }

  /**
   * @param manifest a CSV or JSON manifest whose photos are keys from {@code POST /api/uploads}
   * @param catalogId the catalog's id; else the manifest's {@code "id"}, else its file name
   * @param policy {@code auto} or {@code manual}; else the manifest's, else {@code manual}
   * @param window products in progress at once
   */
  @Operation(
      operationId = "startCatalog",
      summary = "Start a catalog",
      description = "Starts the Catalog workflow `catalog-<id>` over a CSV or JSON manifest. The "
          + "same id while it runs answers the running catalog (200) instead of creating "
          + "one (201). Role: operator or admin.",
      responses = {
        @ApiResponse(
            responseCode = "201",
            description = "Started; `Location` is its progress.",
            useReturnTypeSchema = true),
        @ApiResponse(
            responseCode = "200",
            description = "Already running under this id: nothing new was started.",
            useReturnTypeSchema = true)
      })
  @ProblemResponses({400, 409, 413, 422, 503})
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<StartedCatalog> start(
      @RequestParam("manifest") MultipartFile manifest,
      @RequestParam(required = false) String catalogId,
      @RequestParam(required = false) String policy,
      @RequestParam(required = false) Integer window) {
    CatalogStarted started =
        catalogs.start(
            intake.prepare(
                manifest.getOriginalFilename(), bytes(manifest), catalogId, policy, window));
    URI progress =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/api/catalogs/{id}")
            .buildAndExpand(started.catalogId())
            .toUri();
    StartedCatalog body =
        new StartedCatalog(
            started.catalogId(), started.workflowId(), started.runId(), progress.toString());
    // The same id while it runs answers the running catalog: nothing new was created.
    return started.created()
        ? ResponseEntity.created(progress).body(body)
        : ResponseEntity.status(HttpStatus.OK).location(progress).body(body);
  }

  @Operation(
      operationId = "catalogProgress",
      summary = "Read a catalog's progress",
      description = "Counts per stage, cost and an ETA. Role: any.")
  @ProblemResponses({400, 404, 503})
  @GetMapping("/{id}")
  CatalogProgress progress(@PathVariable String id) {
    return catalogs.progress(id);
  }

  @Operation(
      operationId = "awaitingReview",
      summary = "List the products waiting for a reviewer",
      description = "Role: any.")
  @ProblemResponses({400, 404, 503})
  @GetMapping("/{id}/awaiting")
  AwaitingReview awaiting(@PathVariable String id) {
    return AwaitingReview.of(catalogs.progress(id));
  }

  @Operation(
      operationId = "pauseCatalog",
      summary = "Pause a catalog",
      description = "Starts no new products; those in progress continue. Role: operator or admin.")
  @ProblemResponses({400, 404, 409, 503})
  @PostMapping("/{id}/pause")
  CatalogProgress pause(@PathVariable String id) {
    return catalogs.pause(id);
  }

  @Operation(
      operationId = "resumeCatalog",
      summary = "Resume a paused catalog",
      description = "Role: operator or admin.")
  @ProblemResponses({400, 404, 409, 503})
  @PostMapping("/{id}/resume")
  CatalogProgress resume(@PathVariable String id) {
    return catalogs.resume(id);
  }

  @Operation(
      operationId = "cancelCatalog",
      summary = "Cancel a catalog",
      description = "Cancels the catalog and the shoots in progress. Role: operator or admin.")
  @ProblemResponses({400, 404, 409, 503})
  @PostMapping("/{id}/cancel")
  CatalogProgress cancel(@PathVariable String id) {
    return catalogs.cancel(id);
  }

  @Operation(
      operationId = "catalogReport",
      summary = "Locate a finished catalog's report",
      description = "The object keys of its CSV and JSON report. 409 while the catalog runs. Role: "
          + "any.")
  @ProblemResponses({400, 404, 409, 503})
  @GetMapping("/{id}/report")
  ReportKeys report(@PathVariable String id) {
    CatalogReport report = catalogs.report(id);
    return new ReportKeys(
        id, report.products(), store.bucket(), report.csv().key(), report.json().key());
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the uploaded manifest", e);
    }
  }
}
