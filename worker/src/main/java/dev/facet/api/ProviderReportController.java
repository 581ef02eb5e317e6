package dev.facet.api;

import dev.facet.providerreport.ProviderReportActivitiesImpl;
import dev.facet.providerreport.ProviderReportFormat;
import dev.facet.routing.ProviderReport;
import dev.facet.storage.ObjectStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider report: per provider and product category, QA pass rates, reviewers' votes,
 * rejections, generation times and cost per accepted image, from every bake-off and routed shoot.
 */
@RestController
@RequestMapping("/api/reports/providers")
class ProviderReportController {

  private final ProviderReportActivitiesImpl reports;

  ProviderReportController(ObjectStore store) {
    this.reports = new ProviderReportActivitiesImpl(store);
  }

  /**
   * @param format {@code json} (default), {@code csv} or {@code table} (plain text, as the CLI)
   * @param fresh recompute from every shoot's evidence now, rather than take a report up to a
   *     minute old
   */
  @GetMapping
  ResponseEntity<?> report(
      @RequestParam(defaultValue = "json") String format,
      @RequestParam(defaultValue = "false") boolean fresh) {
    if (fresh) {
      reports.writeProviderReport();
    }
    ProviderReport report = reports.current();
    return switch (format) {
      case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv"))
          .body(ProviderReportFormat.csv(report));
      case "table" -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
          .body(ProviderReportFormat.table(report));
      default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    };
  }
}
