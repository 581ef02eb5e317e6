package dev.facet.app.run;

import dev.facet.app.shoot.ShootClient;
import dev.facet.app.shoot.ShootNotFoundException;
import dev.facet.app.shoot.ShootUnavailableException;
import dev.facet.catalog.CatalogReport;
import dev.facet.catalogstore.CatalogReportDocument;
import dev.facet.catalogstore.ReportRow;
import dev.facet.consistency.CollectionConsistency;
import dev.facet.model.Candidate;
import dev.facet.providerreport.ProviderReportActivitiesImpl;
import dev.facet.providerreport.ProviderReportFormat;
import dev.facet.routing.ProviderReportFiles;
import dev.facet.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code run} leaves and shows once its catalog has ended: the finished images and the report
 * copied out, the table of every product, the gallery, and for a bake-off the provider report.
 */
final class CatalogResults {

  private final ObjectStore store;
  private final ShootClient shoots;
  private final ProviderReportActivitiesImpl reports;

  CatalogResults(ObjectStore store, ShootClient shoots, ProviderReportActivitiesImpl reports) {
    this.store = store;
    this.shoots = shoots;
    this.reports = reports;
  }

  /**
   * @param refused the file's products left out before the catalog started
   * @param begin when the run began, for its duration
   * @return 0 when every product was published and its images copied, 1 otherwise
   */
  int show(
      CatalogFile catalog,
      CatalogReport report,
      List<CatalogUpload.Refused> refused,
      RunOptions options,
      Instant begin,
      Terminal terminal) {
    RunOutcome outcome = collect(catalog, report, refused, options.out());
    RunReport.print(terminal.out(), outcome, Duration.between(begin, Instant.now()));
    printReport(terminal, catalog.id(), report, options.out());
    terminal
        .out()
        .println(
            "Gallery: "
                + RunReport.shown(
                    Gallery.write(options.out(), catalog, outcome, candidates(outcome.rows())))
                + " (opens offline; filter by verdict)");
    if (options.bakeoff()) {
      printProviderReport(terminal);
    }
    return outcome.everyProductPublished() ? 0 : 1;
  }

  /** Reads the report, copies the published images out, and accounts for every file product. */
  private RunOutcome collect(
      CatalogFile catalog, CatalogReport report, List<CatalogUpload.Refused> refused, Path out) {
    List<ReportRow> rows = CatalogReportDocument.fromJson(store.get(report.json().key())).rows();
    ImageExport export = new ImageExport(store, out);
    List<ExportedImage> images = new ArrayList<>();
    Map<String, String> exportFailures = new LinkedHashMap<>();
    for (ReportRow row : rows) {
      if (row.published()) {
        try {
          images.addAll(export.export(row.sku(), row.finals()));
        } catch (RuntimeException e) {
          exportFailures.put(
              row.sku(), "published, but copying its images failed: " + e.getMessage());
        }
      }
    }
    Set<String> accounted =
        rows.stream().map(ReportRow::sku).collect(Collectors.toCollection(HashSet::new));
    refused.forEach(r -> accounted.add(r.sku()));
    List<CatalogUpload.Refused> missing = new ArrayList<>(refused);
    for (CatalogProduct product : catalog.products()) {
      if (!accounted.contains(product.sku())) {
        missing.add(
            new CatalogUpload.Refused(
                product.sku(),
                "not in the catalog as it ran (its photos were refused, or the file has changed"
                    + " since)"));
      }
    }
    return new RunOutcome(rows, missing, images, exportFailures);
  }

  private void printReport(Terminal terminal, String catalogId, CatalogReport report, Path out) {
    List<String> copies = new ArrayList<>();
    for (String key : List.of(report.csv().key(), report.json().key())) {
      Path file = out.resolve(catalogId + "-" + key.substring(key.lastIndexOf('/') + 1));
      try {
        Files.createDirectories(out);
        Files.write(file, store.get(key));
        copies.add(RunReport.shown(file));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + file, e);
      }
    }
    terminal
        .out()
        .printf(
            "Report: s3://%s/%s and %s, copied to %s%n",
            store.bucket(), report.csv().key(), report.json().key(), String.join(" and ", copies));
    CollectionConsistency consistency =
        CatalogReportDocument.fromJson(store.get(report.json().key())).consistency();
    if (consistency != null) {
      terminal.out().println(RunReport.consistency(consistency));
    }
  }

  /**
   * The candidates the published images were made from, by id, from each shoot's state: what
   * provider and model made them at what cost. A shoot that does not answer is left out.
   */
  private Map<String, Candidate> candidates(List<ReportRow> rows) {
    Map<String, Candidate> candidates = new HashMap<>();
    for (ReportRow row : rows) {
      if (!row.published()) {
        continue;
      }
      try {
        shoots
            .state(row.sku())
            .candidates()
            .forEach(view -> candidates.put(view.candidate().id(), view.candidate()));
      } catch (ShootNotFoundException | ShootUnavailableException e) {
        // The sheet shows the image without who made it.
      }
    }
    return candidates;
  }

  /** The provider report over every measured shoot so far, this bake-off's included. */
  private void printProviderReport(Terminal terminal) {
    ProviderReportFiles files = reports.writeProviderReport();
    terminal.out().println();
    terminal
        .out()
        .println(
            "Provider report (s3://"
                + store.bucket()
                + "/"
                + files.json().key()
                + " and "
                + files.csv().key()
                + ", also GET /api/reports/providers):");
    terminal.out().print(ProviderReportFormat.table(reports.current()));
  }
}
