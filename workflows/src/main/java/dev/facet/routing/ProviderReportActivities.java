package dev.facet.routing;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** The provider report's I/O: shoots' evidence in, the report out (JSON and CSV in S3). */
@ActivityInterface
public interface ProviderReportActivities {

  /** Keeps one finished shoot's evidence for the report. Idempotent. */
  void recordEvidence(ShootEvidence evidence);

  /** The report's rows for one category, recomputed first when the stored report is stale. */
  List<ProviderStats> categoryStats(String category);

  /** Recomputes the report from every shoot's evidence and writes it as JSON and CSV. */
  ProviderReportFiles writeReport();
}
