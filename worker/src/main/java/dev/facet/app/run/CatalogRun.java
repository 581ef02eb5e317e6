package dev.facet.app.run;

import dev.facet.FacetProperties;
import dev.facet.app.catalog.CatalogClient;
import dev.facet.app.catalog.CatalogPlan;
import dev.facet.app.catalog.CatalogPlanner;
import dev.facet.app.catalog.CatalogStart;
import dev.facet.app.catalog.CatalogStarted;
import dev.facet.app.catalog.CatalogStatus;
import dev.facet.app.catalog.InvalidCatalogRequestException;
import dev.facet.app.policy.ShootChoices;
import dev.facet.app.policy.ShootPolicies;
import dev.facet.app.security.LocalAdminKey;
import dev.facet.app.security.SecurityProperties;
import dev.facet.app.shoot.Failures;
import dev.facet.app.shoot.ShootClient;
import dev.facet.app.uploads.PhotoUploads;
import dev.facet.catalog.CatalogResult;
import dev.facet.catalog.ShootOverrides;
import dev.facet.catalogstore.CatalogKeys;
import dev.facet.manifest.ManifestException;
import dev.facet.manifest.ManifestFormat;
import dev.facet.manifest.ManifestReader;
import dev.facet.providerreport.ProviderReportActivitiesImpl;
import dev.facet.shoot.ShootPolicy;
import dev.facet.storage.ObjectStore;
import dev.facet.temporal.TemporalEndpoint;
import dev.facet.temporal.TemporalProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code run} command: uploads every product's photos, stores the manifest and runs the file as
 * one Catalog workflow (or follows the one already running under its id), shows its progress, tells
 * reviewers how to decide, then hands the ended catalog to {@link CatalogResults}.
 */
@Component
public class CatalogRun {

  /**
   * What {@link #run} answers when it started nothing: the options name what does not exist, or
   * nobody confirmed the cost.
   */
  public static final int REFUSED = 2;

  private final PhotoUploads uploads;
  private final CatalogClient catalogs;
  private final ShootClient shoots;
  private final ObjectStore store;
  private final CatalogResults results;
  private final CatalogPlanner planner;
  private final RunProperties settings;
  private final TemporalEndpoint temporal;
  private final TemporalProperties temporalProperties;
  private final Environment environment;
  private final String apiKey;
  private final JsonMapper json;

  public CatalogRun(
      PhotoUploads uploads,
      CatalogClient catalogs,
      ShootClient shoots,
      ObjectStore store,
      ProviderReportActivitiesImpl reports,
      CatalogPlanner planner,
      RunProperties settings,
      TemporalEndpoint temporal,
      TemporalProperties temporalProperties,
      Environment environment,
      SecurityProperties security,
      FacetProperties facet,
      JsonMapper json) {
    this.uploads = uploads;
    this.catalogs = catalogs;
    this.shoots = shoots;
    this.store = store;
    this.results = new CatalogResults(store, shoots, reports);
    this.planner = planner;
    this.settings = settings;
    this.temporal = temporal;
    this.temporalProperties = temporalProperties;
    this.environment = environment;
    this.apiKey = LocalAdminKey.shellReference(security, facet.data());
    this.json = json;
  }

  /**
   * @return 0 when every product was published and its images copied, 1 otherwise, {@link #REFUSED}
   *     when nothing was started
   */
  public int run(CatalogFile catalog, RunOptions options, Terminal terminal) {
    Instant begin = Instant.now();
    ShootChoices choices = options.choices().orApproval(catalog.approval());
    ShootPolicy policy;
    try {
      policy = catalogs.check(choices); // Before any upload: a typo costs nothing.
      catalogs.checkRows(catalog.file().getFileName().toString(), rows(catalog), policy);
      if (options.budgetUsd().isPresent()) {
        catalogs.budgetPrices(policy, overrides(catalog.products()));
      }
    } catch (InvalidCatalogRequestException | ManifestException e) {
      terminal.out().println(e.getMessage());
      return REFUSED;
    }
    Double budgetUsd = options.budgetUsd().orElse(null);
    if (options.dryRun()) {
      return plan(catalog, choices, budgetUsd, terminal);
    }
    String api = "http://localhost:" + environment.getProperty("local.server.port", "8080");
    introduce(catalog, policy, options, api, terminal);
    CatalogBoard board = new CatalogBoard(terminal);
    List<CatalogUpload.Refused> refused = new ArrayList<>();
    if (!attach(catalog, board)) {
      CatalogPlan plan =
          planner.plan(catalog.id(), overrides(catalog.products()), choices, budgetUsd);
      if (!CostConfirmation.mayStart(plan, settings.confirmAboveUsd(), options.yes(), terminal)) {
        return REFUSED;
      }
      CatalogUpload.Uploaded uploaded = new CatalogUpload(uploads).upload(catalog);
      uploaded.refused().forEach(r -> board.message(r.sku() + " is left out: " + r.reason()));
      refused.addAll(uploaded.refused());
      if (uploaded.products() == 0) {
        RunReport.print(
            terminal.out(),
            new RunOutcome(List.of(), refused, List.of(), Map.of()),
            Duration.between(begin, Instant.now()));
        return 1;
      }
      start(catalog, uploaded, board, choices, budgetUsd);
    }
    CatalogResult result;
    try {
      ReviewInstructions help =
          new ReviewInstructions(
              api,
              temporal.target(),
              temporalProperties.namespaceOn(temporal),
              temporal.webUi(),
              apiKey,
              json);
      result =
          new CatalogWatch(catalogs, shoots, board, help, new BudgetNotice(api, apiKey))
              .follow(catalog.id(), startOrder(catalog));
    } catch (ExecutionException e) {
      terminal.out().println("The catalog failed: " + Failures.rootMessage(e));
      return 1;
    }
    return results.show(catalog, result.report(), refused, options, begin, terminal);
  }

  /**
   * {@code --dry-run}: checks every product's photos as the upload would and prints the plan;
   * uploads, starts and pays nothing.
   *
   * @return 0 when every product would be shot, 1 when some would be left out
   */
  private int plan(CatalogFile catalog, ShootChoices choices, Double budgetUsd, Terminal terminal) {
    List<CatalogUpload.Refused> refused = new CatalogUpload(uploads).check(catalog);
    refused.forEach(r -> terminal.out().println(r.sku() + " would be left out: " + r.reason()));
    // As attach() would: a failed or terminated catalog is simply started again.
    catalogs
        .status(catalog.id())
        .filter(status -> status.running() || status.completed())
        .ifPresent(
            status ->
                terminal
                    .out()
                    .printf(
                        "Catalog '%s' is %s: run would %s instead of shooting; give the file another --id"
                            + " to shoot it again.%n",
                        catalog.id(),
                        status.words(),
                        status.running() ? "follow it" : "show its results"));
    Set<String> left = refused.stream().map(CatalogUpload.Refused::sku).collect(Collectors.toSet());
    List<CatalogProduct> shot =
        catalog.products().stream().filter(product -> !left.contains(product.sku())).toList();
    PlanReport.print(
        terminal.out(), planner.plan(catalog.id(), overrides(shot), choices, budgetUsd));
    return refused.isEmpty() ? 0 : 1;
  }

  /** The file's products with what each changes about the catalog's policy. */
  private static List<ShootPolicies.Row> rows(CatalogFile catalog) {
    return catalog.products().stream()
        .map(product -> new ShootPolicies.Row(product.line(), product.sku(), product.overrides()))
        .toList();
  }

  private static List<ShootOverrides> overrides(List<CatalogProduct> products) {
    return products.stream().map(CatalogProduct::overrides).toList();
  }

  private void introduce(
      CatalogFile catalog, ShootPolicy policy, RunOptions options, String api, Terminal terminal) {
    terminal
        .out()
        .printf(
            "Shooting %d products of catalog '%s' (policy %s) into %s%n",
            catalog.products().size(),
            catalog.id(),
            policy.approval().name().toLowerCase(Locale.ROOT),
            options.out());
    terminal
        .out()
        .printf(
            "Channels: %s; providers: %s; %d variants per shot%n",
            String.join(", ", policy.channels()),
            String.join(" → ", policy.providers()),
            policy.variants());
    long own = catalog.products().stream().filter(product -> !product.overrides().none()).count();
    if (own > 0) {
      terminal
          .out()
          .printf(
              "%d of them with their own channels, providers or variants (the file's columns;"
                  + " --dry-run shows the plan)%n",
              own);
    }
    options
        .budgetUsd()
        .ifPresent(
            usd ->
                terminal
                    .out()
                    .printf(
                        Locale.ROOT,
                        "Budget: $%.2f for the catalog's paid generations; no paid product starts once it could"
                            + " pass it (raise it: ./facet budget %s USD)%n",
                        usd,
                        catalog.id()));
    terminal.out().printf("Temporal: %s%n", temporal.description());
    temporal.webUi().ifPresent(ui -> terminal.out().printf("Web UI:   %s%n", ui));
    terminal.out().printf("API:      %s/api  (key: %s)%n", api, apiKey);
    terminal.out().printf("Review:   %s/review  (log in with that key)%n", api);
    terminal
        .out()
        .printf(
            "Progress: curl -H \"Authorization: Bearer %s\" %s/api/catalogs/%s  (pause, resume,"
                + " cancel: curl -X POST …/pause)%n%n",
            apiKey, api, catalog.id());
  }

  /** Follows what already runs under the catalog's id; false when there is nothing to follow. */
  private boolean attach(CatalogFile catalog, CatalogBoard board) {
    Optional<CatalogStatus> status = catalogs.status(catalog.id());
    if (status.isPresent() && status.get().running()) {
      board.message(
          "Catalog '"
              + catalog.id()
              + "' is already running ("
              + status.get().workflowId()
              + "); following it.");
      return true;
    }
    if (status.isPresent() && status.get().completed()) {
      board.message(
          "Catalog '"
              + catalog.id()
              + "' has already run to its end; showing its results. To shoot the file again,"
              + " give the catalog another id with --id.");
      return true;
    }
    return false;
  }

  private void start(
      CatalogFile catalog,
      CatalogUpload.Uploaded uploaded,
      CatalogBoard board,
      ShootChoices choices,
      Double budgetUsd) {
    CatalogStarted started =
        catalogs.start(
            new CatalogStart(
                catalog.id(), ManifestFormat.JSON, uploaded.manifest(), choices, null, budgetUsd));
    board.message(
        started.created()
            ? "Started " + started.workflowId() + " with " + uploaded.products() + " products."
            : "Catalog '" + catalog.id() + "' was started meanwhile; following it.");
  }

  /**
   * The SKUs of the stored manifest in its order, the order products start in; null for a row that
   * is not shot.
   */
  private List<String> startOrder(CatalogFile catalog) {
    Optional<String> found = CatalogKeys.findManifest(store, catalog.id());
    if (found.isEmpty()) {
      return List.of(); // Started by other means: the progress bar still tells the story.
    }
    String key = found.get();
    String text = new String(store.get(key), StandardCharsets.UTF_8);
    return ManifestReader.read(key, text).entries().stream()
        .map(entry -> entry.valid() ? entry.product().sku() : null)
        .collect(Collectors.toList());
  }
}
