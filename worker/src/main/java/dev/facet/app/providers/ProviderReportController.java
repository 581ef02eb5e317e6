package dev.facet.app.providers;

import dev.facet.app.problem.ProblemResponses;
import dev.facet.providerreport.ProviderReportActivitiesImpl;
import dev.facet.providerreport.ProviderReportFormat;
import dev.facet.routing.ProviderReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The provider report: per provider and product category, QA pass rates, reviewers' votes,
 * rejections, generation times and cost per accepted image, from every bake-off and routed shoot.
 */
@Tag(name = "Reports", description = "Measured results per provider, for choosing and routing.")
@RestController
@RequestMapping("/api/reports/providers")
class ProviderReportController {

  private static final List<String> FORMATS = List.of("json", "csv", "table");

  private final ProviderReportActivitiesImpl reports;

  ProviderReportController(ProviderReportActivitiesImpl reports) {
    this.reports = reports;
  }

  /**
   * @param format {@code json} (default), {@code csv} or {@code table} (plain text, as the CLI)
   * @param fresh recompute from every shoot's evidence now, rather than take a report up to a
   *     minute old
   */
  @Operation(
      operationId = "providerReport",
      summary = "Read the provider report",
      description =
          "Per provider and product category: QA pass rate per check, reviewers' votes,"
              + " rejection and regeneration rates, p50/p95 generation time and cost per accepted"
              + " image, from every bake-off and routed shoot; as JSON, CSV or a text table. Role:"
              + " any.")
  @ApiResponse(
      responseCode = "200",
      description = "The report.",
      content = {
        @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = ProviderReport.class)),
        @Content(mediaType = "text/csv"),
        @Content(mediaType = "text/plain")
      })
  @ProblemResponses({400})
  @GetMapping
  ResponseEntity<?> report(
      @RequestParam(defaultValue = "json") String format,
      @RequestParam(defaultValue = "false") boolean fresh) {
    if (!FORMATS.contains(format)) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "Unknown format '" + format + "'; use one of " + FORMATS + ".");
    }
    if (fresh) {
      reports.writeProviderReport();
    }
    ProviderReport report = reports.current();
    return switch (format) {
      case "csv" ->
          ResponseEntity.ok()
              .contentType(new MediaType("text", "csv"))
              .body(ProviderReportFormat.csv(report));
      case "table" ->
          ResponseEntity.ok()
              .contentType(MediaType.TEXT_PLAIN)
              .body(ProviderReportFormat.table(report));
      default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    };
  }
}
