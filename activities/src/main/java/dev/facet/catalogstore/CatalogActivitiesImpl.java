package dev.facet.catalogstore;

import dev.facet.catalog.CatalogActivities;
import dev.facet.catalog.CatalogItem;
import dev.facet.catalog.CatalogReport;
import dev.facet.catalog.ManifestPage;
import dev.facet.catalog.ProductOutcome;
import dev.facet.catalog.ShootOverrides;
import dev.facet.consistency.CollectionConsistency;
import dev.facet.consistency.Look;
import dev.facet.consistency.LookMeasure;
import dev.facet.consistency.LookMeasurer;
import dev.facet.manifest.Manifest;
import dev.facet.manifest.ManifestEntry;
import dev.facet.manifest.ManifestException;
import dev.facet.model.ChannelImage;
import dev.facet.model.ImageRef;
import dev.facet.model.ProviderSpend;
import dev.facet.model.ReferencePhoto;
import dev.facet.shoot.Stage;
import dev.facet.storage.MissingObjectException;
import dev.facet.storage.ObjectStore;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog's I/O over the object store: manifest pages in (photos are object keys), one outcome
 * file per product, and the report out as CSV and JSON. See {@link CatalogKeys} for the layout.
 */
public class CatalogActivitiesImpl implements CatalogActivities {

  /** Failure types; none of them goes away by retrying. */
  public static final String INVALID_MANIFEST = "InvalidManifest";

  public static final String MISSING_MANIFEST = "MissingManifest";
  public static final String INVALID_NAME = "InvalidName";

  /** Outcomes read at once: a 10,000-product report must fit the activity's timeout on real S3. */
  private static final int PARALLEL_READS = 16;

  /** The channel whose image is measured for the consistency report. */
  private static final String MEASURED_CHANNEL = "master";

  private static final Logger LOG = LoggerFactory.getLogger(CatalogActivitiesImpl.class);

  private final ObjectStore store;
  private final ManifestCache manifests;
  private final UnaryOperator<List<String>> channelNames;
  private final LookMeasure looks;

  /** Rows' channels go to the shoots as written. */
  public CatalogActivitiesImpl(ObjectStore store) {
    this(store, UnaryOperator.identity());
  }

  /**
   * @param channelNames the presets' own names for the channels a row names, aliases included;
   *     throws {@link IllegalArgumentException} for a name that means no preset, which makes the
   *     row a product that cannot be shot
   */
  public CatalogActivitiesImpl(ObjectStore store, UnaryOperator<List<String>> channelNames) {
    this(store, channelNames, new LookMeasurer());
  }

  /**
   * @param looks measures each published product's hero for the consistency report
   */
  public CatalogActivitiesImpl(
      ObjectStore store, UnaryOperator<List<String>> channelNames, LookMeasure looks) {
    this.store = store;
    this.manifests = new ManifestCache(store);
    this.channelNames = channelNames;
    this.looks = looks;
  }

  @Override
  public ManifestPage readManifest(String manifestKey, int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw ApplicationFailure.newNonRetryableFailure(
          "offset and limit must not be negative, were " + offset + " and " + limit,
          INVALID_MANIFEST);
    }
    List<ManifestEntry> entries = readable(manifestKey).entries();
    int from = Math.min(offset, entries.size());
    int to = (int) Math.min(entries.size(), (long) offset + limit);
    List<CatalogItem> items = entries.subList(from, to).stream().map(this::item).toList();
    return new ManifestPage(items, entries.size());
  }

  private CatalogItem item(ManifestEntry entry) {
    List<String> problems = entry.valid() ? StoredPhotos.problems(store, entry) : entry.problems();
    ShootOverrides overrides = entry.overrides();
    if (problems.isEmpty() && !overrides.channels().isEmpty()) {
      try {
        overrides = overrides.withChannels(channelNames.apply(overrides.channels()));
      } catch (IllegalArgumentException e) {
        problems = List.of("channels: " + e.getMessage());
      }
    }
    List<ReferencePhoto> photos =
        entry.photos().stream().map(p -> new ReferencePhoto(p.reference(), p.angle())).toList();
    return new CatalogItem(
        entry.line(),
        entry.product(),
        photos,
        problems.isEmpty() ? null : String.join("; ", problems),
        overrides);
  }

  private Manifest readable(String manifestKey) {
    try {
      return manifests.get(manifestKey).requireReadable();
    } catch (ManifestException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_MANIFEST);
    } catch (MissingObjectException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          e.getMessage() + ": store the manifest before starting the catalog", MISSING_MANIFEST);
    }
  }

  @Override
  public void recordOutcome(ProductOutcome outcome) {
    // The same outcome under the same key: a retry rewrites what is there.
    store.put(
        key(() -> CatalogKeys.outcome(outcome.catalogId(), outcome.sku())),
        CatalogJson.write(outcome),
        "application/json");
    if (outcome.status() == Stage.PUBLISHED) {
      heroPhoto(outcome).ifPresent(hero -> recordLook(outcome, hero));
    }
  }

  /** The first shot's master image (the backdrop is the style's own there), else its first. */
  private static Optional<ImageRef> heroPhoto(ProductOutcome outcome) {
    return outcome.finals().stream()
        .filter(image -> image.channel().equals(MEASURED_CHANNEL))
        .findFirst()
        .or(() -> outcome.finals().stream().findFirst())
        .map(ChannelImage::image);
  }

  private void recordLook(ProductOutcome outcome, ImageRef hero) {
    Look look;
    try {
      look = looks.measure(outcome.sku(), hero.key(), store.get(hero.key()));
    } catch (IOException | IllegalArgumentException | MissingObjectException e) {
      // The product is published either way; the report compares the products it could measure.
      LOG.warn("Cannot measure the look of {} ({}): {}", outcome.sku(), hero.key(), e.getMessage());
      return;
    }
    store.put(
        CatalogKeys.look(outcome.catalogId(), outcome.sku()),
        CatalogJson.write(look),
        "application/json");
  }

  @Override
  public CatalogReport writeReport(String catalogId) {
    Map<String, ProductOutcome> outcomes = new HashMap<>();
    readAll(key(() -> CatalogKeys.outcomes(catalogId)), ProductOutcome.class)
        .forEach(outcome -> outcomes.put(outcome.sku(), outcome));
    List<ReportRow> rows =
        CatalogKeys.findManifest(store, catalogId)
            .map(manifestKey -> inManifestOrder(readable(manifestKey), outcomes))
            .orElseGet(() -> bySku(outcomes));
    Map<String, Integer> statuses = new HashMap<>();
    rows.forEach(row -> statuses.merge(row.status(), 1, Integer::sum));
    double cost = rows.stream().mapToDouble(ReportRow::costUsd).sum();
    List<ProviderSpend> spend =
        rows.stream().map(ReportRow::spend).reduce(List.of(), ProviderSpend::sum);
    ImageRef json =
        store.put(
            CatalogKeys.reportJson(catalogId),
            CatalogJson.write(
                new CatalogReportDocument(
                    catalogId,
                    rows.size(),
                    statuses,
                    cost,
                    spend,
                    rows,
                    consistency(catalogId, rows))),
            "application/json");
    ImageRef csv = store.put(CatalogKeys.reportCsv(catalogId), ReportCsv.write(rows), "text/csv");
    return new CatalogReport(csv, json, rows.size());
  }

  /**
   * Every manifest row once: its outcome, or why it has none. Outcomes of SKUs the manifest does
   * not list (left by an earlier run under the same id) stay out.
   */
  private static List<ReportRow> inManifestOrder(
      Manifest manifest, Map<String, ProductOutcome> outcomes) {
    List<ReportRow> rows = new ArrayList<>();
    for (ManifestEntry entry : manifest.entries()) {
      ProductOutcome outcome = entry.valid() ? outcomes.get(entry.product().sku()) : null;
      rows.add(
          outcome == null
              ? ReportRow.without(entry, entry.problems())
              : ReportRow.of(entry.line(), outcome));
    }
    return rows;
  }

  /** Without a manifest at the usual place (a catalog started by hand): the outcomes alone. */
  private static List<ReportRow> bySku(Map<String, ProductOutcome> outcomes) {
    return outcomes.values().stream()
        .sorted(Comparator.comparing(ProductOutcome::sku))
        .map(outcome -> ReportRow.of(0, outcome))
        .toList();
  }

  /** Compares the looks of the products the report lists as published. */
  private CollectionConsistency consistency(String catalogId, List<ReportRow> rows) {
    Set<String> published =
        rows.stream()
            .filter(row -> row.status().equals(Stage.PUBLISHED.name()))
            .map(ReportRow::sku)
            .collect(Collectors.toSet());
    List<Look> compared =
        readAll(CatalogKeys.looks(catalogId), Look.class).stream()
            .filter(look -> published.contains(look.sku()))
            .sorted(Comparator.comparing(Look::sku))
            .toList();
    return CollectionConsistency.of(compared, CollectionConsistency.Tolerances.defaults());
  }

  /** Every JSON object under the prefix, read in parallel. */
  private <T> List<T> readAll(String prefix, Class<T> type) {
    List<String> keys = store.list(prefix);
    ExecutorService reads = Executors.newFixedThreadPool(PARALLEL_READS);
    try {
      List<Future<T>> pending = new ArrayList<>();
      for (String key : keys) {
        pending.add(reads.submit(() -> CatalogJson.read(store.get(key), type)));
      }
      List<T> all = new ArrayList<>();
      for (Future<T> read : pending) {
        all.add(read.get());
      }
      return all;
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot read the objects under " + prefix, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading " + prefix, e);
    } finally {
      reads.shutdownNow();
    }
  }

  /** A key made of an id or SKU that breaks the naming rule: no retry will fix it. */
  private static String key(Supplier<String> key) {
    try {
      return key.get();
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_NAME);
    }
  }
}
