package dev.facet.providerreport;

import dev.facet.catalogstore.CatalogJson;
import dev.facet.routing.ProviderReport;
import dev.facet.routing.ProviderReportActivities;
import dev.facet.routing.ProviderReportFiles;
import dev.facet.routing.ProviderStats;
import dev.facet.routing.ShootEvidence;
import dev.facet.storage.MissingObjectException;
import dev.facet.storage.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider report over the object store: one evidence file per finished shoot run, and the
 * report computed from all of them, as JSON and CSV. Shoots read it when they route; it is
 * recomputed when older than {@code maxAge}, so a burst of shoots does not list every evidence file
 * once each. Each evidence file is read once per process: a run's evidence never changes (a retry
 * writes the same), so a recomputation lists the folder and reads only the new files.
 */
public final class ProviderReportActivitiesImpl implements ProviderReportActivities {

  private final ObjectStore store;
  private final Duration maxAge;
  private final Clock clock;

  /** Evidence read so far, by key; about a few KB per shoot run. */
  private final Map<String, ShootEvidence> read = new ConcurrentHashMap<>();

  public ProviderReportActivitiesImpl(ObjectStore store, Duration maxAge, Clock clock) {
    this.store = store;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  public ProviderReportActivitiesImpl(ObjectStore store) {
    this(store, Duration.ofMinutes(1), Clock.systemUTC());
  }

  @Override
  public void recordProviderEvidence(ShootEvidence evidence) {
    // The same run's evidence under the same key: a retry rewrites what is there.
    store.put(
        ProviderReportKeys.evidence(evidence.workflowId(), evidence.runId()),
        CatalogJson.write(evidence),
        "application/json");
  }

  @Override
  public List<ProviderStats> providerStats(String category) {
    return current().category(category);
  }

  @Override
  public ProviderReportFiles writeProviderReport() {
    ProviderReport report = ProviderReportCalculator.compute(readEvidence(), clock.instant());
    return new ProviderReportFiles(
        store.put(ProviderReportKeys.JSON, CatalogJson.write(report), "application/json"),
        store.put(ProviderReportKeys.CSV, ProviderReportFormat.csv(report), "text/csv"),
        report.shoots());
  }

  /** The stored report, recomputed first when missing or older than {@code maxAge}. */
  public ProviderReport current() {
    try {
      ProviderReport stored =
          CatalogJson.read(store.get(ProviderReportKeys.JSON), ProviderReport.class);
      if (!stored.generatedAt().isEmpty()
          && Instant.parse(stored.generatedAt()).plus(maxAge).isAfter(clock.instant())) {
        return stored;
      }
    } catch (MissingObjectException e) {
      // No report yet: compute the first.
    }
    writeProviderReport();
    return CatalogJson.read(store.get(ProviderReportKeys.JSON), ProviderReport.class);
  }

  private List<ShootEvidence> readEvidence() {
    List<String> keys = store.list(ProviderReportKeys.EVIDENCE);
    read.keySet().retainAll(new HashSet<>(keys)); // deleted evidence leaves the report
    return keys.stream()
        .map(
            key ->
                read.computeIfAbsent(key, k -> CatalogJson.read(store.get(k), ShootEvidence.class)))
        .toList();
  }
}
