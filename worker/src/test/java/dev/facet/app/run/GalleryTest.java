package dev.facet.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.catalogstore.ReportRow;
import dev.facet.model.Candidate;
import dev.facet.model.ChannelImage;
import dev.facet.model.ProductSpec;
import dev.facet.model.ProviderSpend;
import dev.facet.shoot.ShootPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GalleryTest {

  static final Path OUT = Path.of("/shop/facet-out");

  /** Three products: one clean, one published with a failed check, one not published. */
  static RunOutcome outcome() {
    return new RunOutcome(
        List.of(
            row("P01", "PUBLISHED", List.of(), "", List.of(), List.of()),
            row(
                "P03",
                "PUBLISHED",
                List.of("hero/etsy: fill"),
                "",
                List.of(new ProviderSpend("flux", 4, 0, 0.16, 0)),
                List.of(new ChannelImage("hero", "etsy", "r1-hero-v2", null))),
            row(
                "P05",
                "FAILED",
                List.of(),
                "the studio renderer found no product <in> the photos",
                List.of(),
                List.of())),
        List.of(),
        List.of(
            new ExportedImage("P01", "hero", "etsy", OUT.resolve("P01/hero-etsy.jpg"), 2000, 2000),
            new ExportedImage("P03", "hero", "etsy", OUT.resolve("P03/hero-etsy.jpg"), 2000, 2000)),
        Map.of());
  }

  static CatalogFile catalog() {
    return new CatalogFile(
        "summer & co",
        Path.of("/shop/summer.csv"),
        ShootPolicy.Approval.AUTO,
        List.of(
            product("P01", "Solitaire"), product("P03", "Halo pendant"), product("P05", "Bangle")));
  }

  @Test
  void showsEveryProductWithItsReferencesFinalsVerdictAndCost() {
    Candidate flux =
        new Candidate(
            "r1-hero-v2", 1, "hero", 2, "flux", "flux-kontext-pro", null, null, 1, 0.04, null);

    String html = Gallery.html(OUT, catalog(), outcome(), Map.of(flux.id(), flux));

    assertThat(html)
        .startsWith("<!doctype html>")
        .contains("<title>Catalog summer &amp; co · Facet</title>")
        .contains("3 products · 2 published · $0.16 billed")
        .contains(
            "<section class=\"product\" data-verdict=\"passed\">\n<h2>P01 <small>Solitaire</small>")
        .contains("data-verdict=\"flagged\"", "<li>hero/etsy: fill</li>", "billed: flux $0.16")
        .contains("data-verdict=\"not-published\"", "found no product &lt;in&gt; the photos")
        .contains("<img src=\"P01/hero-etsy.jpg\" alt=\"hero · etsy · 2000×2000\"")
        .contains("alt=\"hero · etsy · 2000×2000 · flux flux-kontext-pro · $0.04 · round 1\"")
        .contains("<img src=\"../photos/P01%20front.jpg\" alt=\"reference · front\"")
        .contains("data-filter=\"passed\" aria-pressed=\"false\">passed QA (1)</button>")
        .contains("data-filter=\"not-published\" aria-pressed=\"false\">not published (1)</button>")
        .doesNotContain("http://", "https://");
  }

  private static ReportRow row(
      String sku,
      String status,
      List<String> failed,
      String failure,
      List<ProviderSpend> spend,
      List<ChannelImage> finals) {
    return new ReportRow(
        1,
        sku,
        status,
        1,
        spend.stream().mapToDouble(ProviderSpend::totalUsd).sum(),
        finals,
        10,
        failed.size(),
        failed,
        failure,
        spend);
  }

  private static CatalogProduct product(String sku, String name) {
    return new CatalogProduct(
        2,
        new ProductSpec(sku, name, "ring", "18k yellow gold", null, null, null),
        List.of(new PhotoFile(Path.of("/shop/photos/" + sku + " front.jpg"), "front")));
  }
}
