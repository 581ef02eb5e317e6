package dev.facet.app.catalog;

import dev.facet.app.policy.ChoiceParser;
import dev.facet.app.policy.ShootChoices;
import dev.facet.app.problem.ProblemResponses;
import dev.facet.catalog.BudgetRaise;
import dev.facet.catalog.CatalogProgress;
import dev.facet.catalog.CatalogReport;
import dev.facet.shoot.ShootPolicy;
import dev.facet.storage.ObjectStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Catalogs: start one from a manifest, follow it, pause, resume or cancel it, get its report. */
@Tag(name = "Catalogs", description = "A collection of products shot as one Catalog workflow.")
@RestController
@RequestMapping("/api/catalogs")
class CatalogController {

  private final CatalogClient catalogs;
  private final ManifestIntake intake;
  private final ObjectStore store;
  private final CatalogPlanner planner;
  private final JsonMapper json;

  CatalogController(
      CatalogClient catalogs,
      ManifestIntake intake,
      ObjectStore store,
      CatalogPlanner planner,
      JsonMapper json) {
    this.catalogs = catalogs;
    this.intake = intake;
    this.store = store;
    this.planner = planner;
    this.json = json;
  }

  /**
   * @param manifest a CSV or JSON manifest whose photos are keys from {@code POST /api/uploads}
   * @param catalogId the catalog's id; else the manifest's {@code "id"}, else its file name
   * @param window products in progress at once
   * @param sample with {@code bakeoff}: shoot only this many products, as {@code <id>-sample}
   */
  @Operation(
      operationId = "startCatalog",
      summary = "Start a catalog",
      description =
          "Starts the Catalog workflow `catalog-<id>` over a CSV or JSON manifest. The "
              + "same id while it runs answers the running catalog (200) instead of creating "
              + "one (201). `channels`, `providers`, `variants`, `shots`, `approval` and `routing` "
              + "choose every shoot's policy, as `./facet run` does; an unknown name is a 400 "
              + "listing the valid ones, before anything starts. A manifest row's own `channels`, "
              + "`providers` and `variants` columns override them for that product; a row naming what "
              + "Facet does not know is a 422 listing each problem with its line. With `bakeoff` it is a provider "
              + "bake-off: every shot is made by every listed provider and measured in the provider "
              + "report (`GET /api/reports/providers`). With `dryRun=true` it checks everything a "
              + "start would, then answers the plan (images, estimated cost and wall time per "
              + "provider, the budget against it) and starts nothing. With `budgetUsd` the catalog "
              + "stops starting paid products at that cap. Role: operator or admin.",
      responses = {
        @ApiResponse(
            responseCode = "201",
            description = "Started; `Location` is its progress.",
            content = @Content(schema = @Schema(implementation = StartedCatalog.class))),
        @ApiResponse(
            responseCode = "200",
            description =
                "Already running under this id: nothing new was started. With "
                    + "`dryRun=true`: the plan (a `CatalogPlan`), nothing started.",
            content = @Content(schema = @Schema(oneOf = {StartedCatalog.class, CatalogPlan.class})))
      })
  @ProblemResponses({400, 409, 413, 422, 503})
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> start(
      @RequestParam("manifest") MultipartFile manifest,
      @Parameter(description = "The catalog's id; else the manifest's `id`, else its file name.")
          @RequestParam(required = false)
          String catalogId,
      @Parameter(
              description =
                  "Every shoot's whole policy as JSON, the `policy` of `POST "
                      + "/api/shoots` (`autoThreshold`, `humanTimeout`, `maxRounds`, `budgetUsd`, …); "
                      + "the other fields refine it, and the manifest's approval does not apply.",
              example = "{\"variants\": 2, \"maxRounds\": 2, \"budgetUsd\": 5}")
          @RequestParam(required = false)
          String shootPolicy,
      @Parameter(description = "Same as `approval` (its older name).")
          @RequestParam(required = false)
          String policy,
      @Parameter(description = "`auto` or `manual`; else the manifest's, else `manual`.")
          @RequestParam(required = false)
          String approval,
      @Parameter(
              description =
                  "Channel presets separated by commas, aliases included "
                      + "(`amazon` is `amazon-main`); else `amazon-main,master`.",
              example = "etsy,amazon")
          @RequestParam(required = false)
          String channels,
      @Parameter(
              description =
                  "The generator chain, first choice first, separated by commas: "
                      + "a provider or `provider:model`; a variant one cannot make moves to the next. "
                      + "Else `studio`.",
              example = "flux,openai:gpt-image-2,studio")
          @RequestParam(required = false)
          String providers,
      @Parameter(description = "Candidates per shot, 1 to 10; else 4.", example = "2")
          @RequestParam(required = false)
          String variants,
      @Parameter(
              description =
                  "The style guide's shots to make, separated by commas; else all of "
                      + "them (`hero,profile`).",
              example = "hero")
          @RequestParam(required = false)
          String shots,
      @Parameter(
              description =
                  "`auto`: each product category starts with the provider the "
                      + "provider report favours, among `providers`.",
              example = "auto")
          @RequestParam(required = false)
          String routing,
      @Parameter(description = "Products in progress at once; else the configured default.")
          @RequestParam(required = false)
          Integer window,
      @Parameter(
              description =
                  "The catalog's budget in US dollars: no paid product starts once its "
                      + "shoot could take the catalog past it (each paid shoot reserves its first round "
                      + "at list price, again for each round a rejection may add, and is capped there); "
                      + "free studio products are never held. Raise it while the catalog runs with "
                      + "`POST /api/catalogs/{id}/budget`. Not `shootPolicy.budgetUsd`, which caps "
                      + "each shoot. Else no cap.",
              example = "50")
          @RequestParam(required = false)
          String budgetUsd,
      @Parameter(
              description =
                  "A provider bake-off: generator names separated by commas, e.g. "
                      + "`studio,openai,flux`, or models of one provider: "
                      + "`flux:flux-pro-1.1,flux:flux-kontext-pro`. Every shot of every product is made by each of them "
                      + "(`policy.bakeoff`, `policy.providers`). Each must be a generator this "
                      + "deployment has a key for (`studio` needs none); an empty name is a 400.",
              example = "studio,openai,flux")
          @RequestParam(required = false)
          String bakeoff,
      @Parameter(
              description =
                  "Only with `bakeoff`: shoot only this many products (above 0), taken "
                      + "in turn from each product category, as the catalog `<id>-sample` (like "
                      + "`./facet run --sample`).",
              example = "4")
          @RequestParam(required = false)
          Integer sample,
      @Parameter(
              description =
                  "`true`: check the manifest and the choices as a start would, answer "
                      + "the plan, and start, store and pay nothing (like `./facet run --dry-run`).")
          @RequestParam(defaultValue = "false")
          boolean dryRun) {
    String approvalParameter = approval != null ? "approval" : "policy";
    ChoiceParser parser =
        new ChoiceParser(
            option ->
                "'"
                    + switch (option) {
                      case "approval" -> approvalParameter;
                      case "budget" -> "budgetUsd";
                      default -> option;
                    }
                    + "'",
            InvalidCatalogRequestException::new);
    ShootChoices parsed =
        parser.parse(
            new ChoiceParser.Typed(
                approval != null ? approval : blankAsNull(policy),
                channels,
                providers,
                variants,
                shots,
                routing,
                bakeoff));
    ShootChoices choices =
        shootPolicy == null || shootPolicy.isBlank()
            ? parsed
            : parsed.refining(policy(shootPolicy));
    CatalogStart start =
        intake.prepare(
            manifest.getOriginalFilename(),
            bytes(manifest),
            new ManifestIntake.Options(
                catalogId, window, sample, choices, parser.budgetUsd(budgetUsd).orElse(null)));
    if (dryRun) {
      return ResponseEntity.ok(
          planner.plan(
              start.catalogId(),
              ManifestIntake.products(start),
              start.choices(),
              start.budgetUsd()));
    }
    CatalogStarted started = catalogs.start(start);
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
      operationId = "raiseCatalogBudget",
      summary = "Raise a catalog's budget",
      description =
          "For a catalog started with `budgetUsd`: products held at the old cap start "
              + "as far as the new one leaves room for them. 409 for a catalog without a budget, or "
              + "a budget that is not above the current one (the answer says what is spent or "
              + "reserved). Role: operator or admin.")
  @ProblemResponses({400, 404, 409, 503})
  @PostMapping(path = "/{id}/budget", consumes = MediaType.APPLICATION_JSON_VALUE)
  CatalogProgress raiseBudget(@PathVariable String id, @RequestBody BudgetRaise raise) {
    if (raise == null || !BudgetRaise.isValid(raise.budgetUsd())) {
      throw new InvalidCatalogRequestException(
          "The body is the new budget, e.g. {\"budgetUsd\": " + "50}: " + BudgetRaise.RULE + ".");
    }
    return catalogs.raiseBudget(id, raise.budgetUsd());
  }

  @Operation(
      operationId = "catalogReport",
      summary = "Locate a finished catalog's report",
      description =
          "The object keys of its CSV and JSON report. 409 while the catalog runs. Role: " + "any.")
  @ProblemResponses({400, 404, 409, 503})
  @GetMapping("/{id}/report")
  ReportKeys report(@PathVariable String id) {
    CatalogReport report = catalogs.report(id);
    return new ReportKeys(
        id, report.products(), store.bucket(), report.csv().key(), report.json().key());
  }

  private ShootPolicy policy(String json) {
    try {
      return this.json.readValue(json, ShootPolicy.class);
    } catch (JacksonException e) {
      throw new InvalidCatalogRequestException(
          "'shootPolicy' is a shoot's policy as JSON, e.g. {\"variants\": 2, \"budgetUsd\": 5};"
              + " this one does not fit: "
              + e.getOriginalMessage());
    }
  }

  /** An empty {@code policy} has always meant the manifest's. */
  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the uploaded manifest", e);
    }
  }
}
