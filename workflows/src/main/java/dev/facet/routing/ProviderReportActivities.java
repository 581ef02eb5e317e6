package dev.facet.routing;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The provider report's I/O: shoots' evidence in, the report out (JSON and CSV in S3). Method names
 * say "provider": activity types are named after methods and share the shoot queue with {@code
 * CatalogActivities}, which has its own {@code writeReport}.
 */
@ActivityInterface
public interface ProviderReportActivities {

  /** Keeps one finished shoot's evidence for the report. Idempotent. */
  void recordProviderEvidence(ShootEvidence evidence);

  /** The report's rows for one category, recomputed first when the stored report is stale. */
  List<ProviderStats> providerStats(String category);

  /** Recomputes the report from every shoot's evidence and writes it as JSON and CSV. */
  ProviderReportFiles writeProviderReport();
}
