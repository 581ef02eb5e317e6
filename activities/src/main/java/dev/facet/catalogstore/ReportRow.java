package dev.facet.catalogstore;

import dev.facet.catalog.ProductOutcome;
import dev.facet.manifest.ManifestEntry;
import dev.facet.model.ChannelImage;
import dev.facet.model.ProviderSpend;
import dev.facet.model.QaCheck;
import dev.facet.model.QaReport;
import java.util.ArrayList;
import java.util.List;

/**
 * One product of a catalog report.
 *
 * @param line where the product is in the manifest, 0 when the manifest is not at hand
 * @param status the shoot's final stage ({@code PUBLISHED}, {@code REJECTED}, {@code EXPIRED},
 *     {@code FAILED}), {@code INVALID} for a row that could not be shot, or {@code NOT_SHOT} for a
 *     product without a recorded outcome (the catalog was cancelled first)
 * @param finals the published images, one per shot and channel
 * @param qaPassed automated checks that passed, over every finished image
 * @param qaFailed automated checks that failed
 * @param failedChecks the failed checks as {@code shot/channel: check}
 * @param failure why the product has no images, or empty
 * @param costUsd what the providers would bill: the shoot's ledger total
 * @param spend the shoot's ledger per provider: paid and delivered, paid and lost
 */
public record ReportRow(
    int line,
    String sku,
    String status,
    int rounds,
    double costUsd,
    List<ChannelImage> finals,
    int qaPassed,
    int qaFailed,
    List<String> failedChecks,
    String failure,
    List<ProviderSpend> spend) {

  public static final String INVALID = "INVALID";
  public static final String NOT_SHOT = "NOT_SHOT";

  public ReportRow {
    finals = finals == null ? List.of() : List.copyOf(finals);
    failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
    failure = failure == null ? "" : failure;
    spend = spend == null ? List.of() : List.copyOf(spend);
  }

  static ReportRow of(int line, ProductOutcome outcome) {
    int passed = 0;
    List<String> failed = new ArrayList<>();
    for (QaReport report : outcome.qa()) {
      for (QaCheck check : report.checks()) {
        if (check.passed()) {
          passed++;
        } else {
          failed.add(report.shot() + "/" + report.channel() + ": " + check.name());
        }
      }
    }
    return new ReportRow(
        line,
        outcome.sku(),
        outcome.status().name(),
        outcome.rounds(),
        outcome.costUsd(),
        outcome.finals(),
        passed,
        failed.size(),
        failed,
        outcome.failure(),
        outcome.spend());
  }

  /** A manifest row without an outcome: it could not be shot, or never was. */
  static ReportRow without(ManifestEntry entry, List<String> problems) {
    return problems.isEmpty()
        ? new ReportRow(
            entry.line(),
            entry.name(),
            NOT_SHOT,
            0,
            0,
            List.of(),
            0,
            0,
            List.of(),
            "no outcome was recorded: the catalog was cancelled before its shoot ended, or the"
                + " shoot could not start or record it",
            List.of())
        : new ReportRow(
            entry.line(),
            entry.name(),
            INVALID,
            0,
            0,
            List.of(),
            0,
            0,
            List.of(),
            String.join("; ", problems),
            List.of());
  }

  /** Paid, or maybe paid, for images that never arrived. */
  public double lostUsd() {
    return spend.stream().mapToDouble(ProviderSpend::lostUsd).sum();
  }

  public boolean published() {
    return "PUBLISHED".equals(status);
  }
}
