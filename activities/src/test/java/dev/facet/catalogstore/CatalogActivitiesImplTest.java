package dev.facet.catalogstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.facet.catalog.CatalogItem;
import dev.facet.catalog.CatalogReport;
import dev.facet.catalog.ManifestPage;
import dev.facet.catalog.ProductOutcome;
import dev.facet.catalog.ShootOverrides;
import dev.facet.consistency.CollectionConsistency;
import dev.facet.imaging.StudioRenderer;
import dev.facet.manifest.ManifestFormat;
import dev.facet.model.ChannelImage;
import dev.facet.model.ImageRef;
import dev.facet.model.ProviderSpend;
import dev.facet.model.QaCheck;
import dev.facet.model.QaReport;
import dev.facet.model.ReferencePhoto;
import dev.facet.shoot.Stage;
import dev.facet.testing.CountingStore;
import dev.facet.testing.EmbeddedS3Extension;
import dev.facet.testing.Fixtures;
import dev.facet.testing.StudioShots;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalog's I/O on a real S3 API (the embedded server). */
class CatalogActivitiesImplTest {

  @RegisterExtension static final EmbeddedS3Extension s3 = new EmbeddedS3Extension();

  private final AtomicInteger downloads = new AtomicInteger();
  private CatalogActivitiesImpl activities;
  private String catalog;

  @BeforeEach
  void setUp() {
    activities = new CatalogActivitiesImpl(new CountingStore(s3.store(), downloads));
    catalog = "c-" + UUID.randomUUID().toString().substring(0, 8);
    photo("uploads/a/0");
    photo("uploads/a/1");
  }

  @Test
  void pagesThroughTheManifestAndALimitOfZeroGivesJustTheTotal() {
    String key = manifest(rows(5));

    ManifestPage total = activities.readManifest(key, 0, 0);
    ManifestPage middle = activities.readManifest(key, 1, 2);
    ManifestPage tail = activities.readManifest(key, 4, 100);
    ManifestPage beyond = activities.readManifest(key, 9, 100);

    assertThat(total.total()).isEqualTo(5);
    assertThat(total.items()).isEmpty();
    assertThat(middle.items())
        .extracting(CatalogItem::line, item -> item.product().sku(), CatalogItem::problem)
        .containsExactly(tuple(3, "P1", null), tuple(4, "P2", null));
    assertThat(middle.items().get(0).photos())
        .containsExactly(new ReferencePhoto("uploads/a/0", "front"));
    assertThat(tail.items()).extracting(item -> item.product().sku()).containsExactly("P4");
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(5);
  }

  @Test
  void rowsThatCannotBeShotComeBackWithTheirProblemInTheirPlace() {
    String key =
        manifest(
            """
            sku,name,type,metal,photos
            R-1,Ring,ring,gold,uploads/a/0@front;uploads/a/1@side
            R-2,Ring,ring,,uploads/a/0
            R-1,Ring,ring,gold,uploads/a/0
            R-3,Ring,ring,gold,uploads/never/0@front
            R-4,Ring
            """);

    List<CatalogItem> items = activities.readManifest(key, 0, 10).items();

    assertThat(items)
        .extracting(CatalogItem::line, CatalogItem::problem)
        .containsExactly(
            tuple(2, null),
            tuple(3, "the metal is missing"),
            tuple(4, "the SKU R-1 appears twice in the catalog"),
            tuple(
                5,
                "photo 'uploads/never/0' is not in the object store; upload it with POST"
                    + " /api/uploads and use the key it answers"),
            tuple(6, "2 values for 5 columns"));
    assertThat(items.get(4).product()).isNull();
    assertThat(items.get(0).photos())
        .containsExactly(
            new ReferencePhoto("uploads/a/0", "front"), new ReferencePhoto("uploads/a/1", "side"));
  }

  @Test
  void aRowsOwnPolicyReachesItsItemWithThePresetsNamesForItsChannels() {
    CatalogActivitiesImpl resolving =
        new CatalogActivitiesImpl(
            s3.store(),
            names ->
                names.stream()
                    .map(
                        name -> {
                          if (!name.equals("amazon") && !name.equals("etsy")) {
                            throw new IllegalArgumentException("unknown channel '" + name + "'");
                          }
                          return name.equals("amazon") ? "amazon-main" : name;
                        })
                    .toList());
    String key =
        manifest(
            """
            sku,name,type,metal,photos,channels,providers,variants
            R-1,Ring,ring,gold,uploads/a/0,etsy;amazon,flux;studio,2
            R-2,Ring,ring,gold,uploads/a/0,,,
            R-3,Ring,ring,gold,uploads/a/0,amazn,,
            """);

    List<CatalogItem> items = resolving.readManifest(key, 0, 10).items();

    assertThat(items)
        .extracting(CatalogItem::overrides, CatalogItem::problem)
        .containsExactly(
            tuple(
                new ShootOverrides(List.of("etsy", "amazon-main"), List.of("flux", "studio"), 2),
                null),
            tuple(ShootOverrides.NONE, null),
            tuple(
                new ShootOverrides(List.of("amazn"), List.of(), null),
                "channels: unknown channel 'amazn'"));
  }

  @Test
  void parsesAManifestOnceAndAgainOnlyWhenItIsReplaced() {
    String key = manifest(rows(3));

    activities.readManifest(key, 0, 0);
    activities.readManifest(key, 0, 2);
    activities.readManifest(key, 2, 2);
    assertThat(downloads).hasValue(1);

    s3.store().put(key, rows(7).getBytes(StandardCharsets.UTF_8), "text/csv");
    assertThat(activities.readManifest(key, 0, 0).total()).isEqualTo(7);
    assertThat(downloads).hasValue(2);
  }

  @Test
  void aManifestThatCannotBeReadFailsWithoutRetriesNamingTheLine() {
    String broken = manifest("sku,name,colour\nR-1,Ring,red\n");

    assertThatThrownBy(() -> activities.readManifest(broken, 0, 0))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            e -> {
              assertThat(e.isNonRetryable()).isTrue();
              assertThat(e.getType()).isEqualTo(CatalogActivitiesImpl.INVALID_MANIFEST);
              assertThat(e.getOriginalMessage())
                  .contains(
                      "line 1: unknown column 'colour'", "line 1: the column 'type' is missing");
            });
    assertThatThrownBy(() -> activities.readManifest("catalogs/none/manifest.csv", 0, 0))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            e -> {
              assertThat(e.isNonRetryable()).isTrue();
              assertThat(e.getType()).isEqualTo(CatalogActivitiesImpl.MISSING_MANIFEST);
              assertThat(e.getOriginalMessage())
                  .contains("catalogs/none/manifest.csv", "store the manifest before starting");
            });
  }

  @Test
  void recordsEachOutcomeOnceUnderItsSku() {
    ProductOutcome outcome = published("R-1");

    activities.recordOutcome(outcome);
    activities.recordOutcome(outcome);

    assertThat(s3.store().list(CatalogKeys.outcomes(catalog)))
        .containsExactly("catalogs/" + catalog + "/outcomes/R-1.json");
    assertThatThrownBy(
            () ->
                activities.recordOutcome(
                    new ProductOutcome(catalog, "../x", Stage.FAILED, 1, 0, null, null, "no")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, e -> assertThat(e.isNonRetryable()).isTrue());
  }

  @Test
  void theReportListsEveryManifestRowOnceInOrderAsJsonAndCsv() {
    manifest(
        """
        sku,name,type,metal,photos
        R-1,Ring,ring,gold,uploads/a/0@front
        R-2,Ring,ring,gold,uploads/a/0@front
        R-3,Ring,ring,,uploads/a/0@front
        R-4,Ring,ring,gold,uploads/a/0@front
        """);
    activities.recordOutcome(published("R-1"));
    activities.recordOutcome(
        new ProductOutcome(
            catalog,
            "R-2",
            Stage.FAILED,
            1,
            0.04,
            null,
            null,
            "capture failed: too blurry",
            List.of(new ProviderSpend("flux", 1, 1, 0, 0.04))));
    // Left by an earlier run of the same catalog id with another manifest.
    activities.recordOutcome(published("OLD-1"));

    CatalogReport report = activities.writeReport(catalog);

    assertThat(report.products()).isEqualTo(4);
    assertThat(report.json().key()).isEqualTo("catalogs/" + catalog + "/report.json");
    assertThat(report.csv().key()).isEqualTo("catalogs/" + catalog + "/report.csv");
    CatalogReportDocument json =
        CatalogReportDocument.fromJson(s3.store().get(report.json().key()));
    assertThat(json.rows())
        .extracting(ReportRow::line, ReportRow::sku, ReportRow::status, ReportRow::failure)
        .containsExactly(
            tuple(2, "R-1", "PUBLISHED", ""),
            tuple(3, "R-2", "FAILED", "capture failed: too blurry"),
            tuple(4, "R-3", "INVALID", "the metal is missing"),
            tuple(
                5,
                "R-4",
                "NOT_SHOT",
                "no outcome was recorded: the catalog was cancelled before its shoot ended, or"
                    + " the shoot could not start or record it"));
    assertThat(json.rows().get(0).finals()).isEqualTo(published("R-1").finals());
    assertThat(json.rows().get(0))
        .extracting(ReportRow::qaPassed, ReportRow::qaFailed, ReportRow::failedChecks)
        .containsExactly(2, 1, List.of("hero/amazon-main: background-white"));
    assertThat(json.statuses())
        .containsEntry("PUBLISHED", 1)
        .containsEntry("FAILED", 1)
        .containsEntry("INVALID", 1)
        .containsEntry("NOT_SHOT", 1);
    assertThat(json.costUsd()).isEqualTo(0.16);
    assertThat(json.spend())
        .as("what each provider was paid, delivered or lost")
        .containsExactly(new ProviderSpend("flux", 4, 1, 0.12, 0.04));

    String csv = new String(s3.store().get(report.csv().key()), StandardCharsets.UTF_8);
    assertThat(csv.split("\r\n"))
        .containsExactly(
            "line,sku,status,rounds,cost_usd,paid_lost_usd,qa_passed,qa_failed,qa_failed_checks,"
                + "images_amazon-main,images_master,failure",
            "2,R-1,PUBLISHED,2,0.1200,0.0000,2,1,hero/amazon-main: background-white,"
                + "hero=out/R-1/hero-amazon-main.jpg,hero=out/R-1/hero-master.png; "
                + "profile=out/R-1/profile-master.png,",
            "3,R-2,FAILED,1,0.0400,0.0400,0,0,,,,capture failed: too blurry",
            "4,R-3,INVALID,0,0.0000,0.0000,0,0,,,,the metal is missing",
            "5,R-4,NOT_SHOT,0,0.0000,0.0000,0,0,,,,\"no outcome was recorded: the catalog was cancelled"
                + " before its shoot ended, or the shoot could not start or record it\"");
  }

  @Test
  void withoutAManifestAtTheUsualPlaceTheReportListsTheOutcomesBySku() {
    activities.recordOutcome(published("B-2"));
    activities.recordOutcome(published("A-1"));

    CatalogReport report = activities.writeReport(catalog);

    assertThat(CatalogReportDocument.fromJson(s3.store().get(report.json().key())).rows())
        .extracting(ReportRow::line, ReportRow::sku)
        .containsExactly(tuple(0, "A-1"), tuple(0, "B-2"));
  }

  @Test
  void theReportComparesHowThePublishedProductsLookAndFlagsTheOneThatStrays() {
    List<String> captures = Fixtures.firstCaptures().subList(0, 4);
    for (String capture : captures) {
      StudioRenderer.Look look =
          capture.equals(captures.get(3))
              ? new StudioRenderer.Look(StudioShots.WHITE.backdrop(), 5500, 0.55, false)
              : StudioShots.WHITE;
      String sku = capture.substring(0, 3);
      s3.store()
          .put("out/" + sku + "/hero-master.png", StudioShots.jpeg(capture, look), "image/jpeg");
      activities.recordOutcome(published(sku));
    }

    CatalogReport report = activities.writeReport(catalog);

    CollectionConsistency consistency =
        CatalogReportDocument.fromJson(s3.store().get(report.json().key())).consistency();
    assertThat(consistency.products()).isEqualTo(4);
    assertThat(consistency.outliers())
        .singleElement()
        .satisfies(
            outlier -> {
              assertThat(outlier.sku()).isEqualTo("P04");
              assertThat(outlier.image()).isEqualTo("out/P04/hero-master.png");
              assertThat(outlier.reasons()).singleElement().asString().startsWith("product scale");
            });
  }

  private ProductOutcome published(String sku) {
    List<ChannelImage> finals =
        List.of(
            image(sku, "hero", "amazon-main", "jpg"),
            image(sku, "hero", "master", "png"),
            image(sku, "profile", "master", "png"));
    QaReport qa =
        new QaReport(
            "hero",
            "amazon-main",
            finals.get(0).image(),
            List.of(
                new QaCheck("metal-tone", 1.2, 3, "<=", true, true, "ΔE 1.2"),
                new QaCheck("fill", 0.8, 0.85, ">=", true, false, "fills 80%"),
                new QaCheck("background-white", 240, 250, ">=", false, true, "grey corners")));
    return new ProductOutcome(
        catalog,
        sku,
        Stage.PUBLISHED,
        2,
        0.12,
        finals,
        List.of(qa),
        null,
        List.of(new ProviderSpend("flux", 3, 0, 0.12, 0)));
  }

  private static ChannelImage image(String sku, String shot, String channel, String extension) {
    return new ChannelImage(
        shot,
        channel,
        "r2-" + shot + "-v1",
        new ImageRef(
            "out/" + sku + "/" + shot + "-" + channel + "." + extension,
            "abc",
            10,
            "image/" + extension,
            100,
            80));
  }

  private static String rows(int count) {
    StringBuilder csv = new StringBuilder("sku,name,type,metal,photos\n");
    for (int i = 0; i < count; i++) {
      csv.append("P").append(i).append(",Ring,ring,gold,uploads/a/0@front\n");
    }
    return csv.toString();
  }

  private String manifest(String csv) {
    String key = CatalogKeys.manifest(catalog, ManifestFormat.CSV);
    s3.store().put(key, csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    return key;
  }

  private static void photo(String key) {
    s3.store().put(key, new byte[] {1, 2, 3}, "image/jpeg");
  }
}
