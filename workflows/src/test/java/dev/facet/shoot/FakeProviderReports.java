package dev.facet.shoot;

import dev.facet.model.ImageRef;
import dev.facet.routing.ProviderReportActivities;
import dev.facet.routing.ProviderReportFiles;
import dev.facet.routing.ProviderStats;
import dev.facet.routing.ShootEvidence;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A provider report with rows set by the test; keeps the evidence shoots hand in. */
final class FakeProviderReports implements ProviderReportActivities {

  volatile List<ProviderStats> rows = List.of();
  final List<String> categoriesAsked = new CopyOnWriteArrayList<>();
  final List<ShootEvidence> evidence = new CopyOnWriteArrayList<>();

  @Override
  public void recordProviderEvidence(ShootEvidence shoot) {
    evidence.add(shoot);
  }

  @Override
  public List<ProviderStats> providerStats(String category) {
    categoriesAsked.add(category);
    return rows.stream().filter(r -> r.category().equals(category)).toList();
  }

  @Override
  public ProviderReportFiles writeProviderReport() {
    ImageRef none =
        new ImageRef("reports/providers/report.json", "0".repeat(64), 0, "application/json", 0, 0);
    return new ProviderReportFiles(none, none, evidence.size());
  }
}
