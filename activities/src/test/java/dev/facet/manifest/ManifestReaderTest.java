package dev.facet.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.facet.catalog.ShootOverrides;
import dev.facet.model.ProductSpec;
import dev.facet.model.ReferencePhoto;
import dev.facet.model.Stone;
import dev.facet.shoot.ShootPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ManifestReaderTest {

  private static final Path EXAMPLES = Path.of("../examples");

  @Test
  void theShippedExamplesReadAlikeAsCsvAndJson() throws IOException {
    Manifest csv = example("catalog.csv");
    Manifest json = example("catalog.json");

    assertThat(csv.problems()).isEmpty();
    assertThat(json.problems()).isEmpty();
    assertThat(json.id()).contains("catalog");
    assertThat(csv.entries())
        .extracting(e -> e.product().sku())
        .containsExactly("P01", "P03", "P05");
    assertThat(json.entries())
        .extracting(ManifestEntry::product, ManifestEntry::photos)
        .containsExactlyElementsOf(
            csv.entries().stream().map(e -> tuple(e.product(), e.photos())).toList());
    ManifestEntry pendant = csv.entries().get(1);
    assertThat(pendant.product().stones())
        .containsExactly(
            new Stone("ruby", 1, "round brilliant", "deep red"),
            new Stone("diamond", 14, "round brilliant", "colourless"));
    assertThat(pendant.photos())
        .containsExactly(
            new PhotoReference("photos/P03-front.jpg", "front"),
            new PhotoReference("photos/P03-side.jpg", "side"));
    assertThat(csv.approval()).contains(ShootPolicy.Approval.AUTO);
    assertThat(json.approval()).contains(ShootPolicy.Approval.AUTO);
  }

  @Test
  void theShippedMixedExampleGivesEachPieceItsOwnShops() throws IOException {
    Manifest mixed = example("catalog-mixed.csv");

    assertThat(mixed.problems()).isEmpty();
    assertThat(mixed.entries())
        .extracting(entry -> entry.product().sku(), ManifestEntry::overrides)
        .containsExactly(
            tuple("P01", new ShootOverrides(List.of("etsy", "amazon"), List.of(), 2)),
            tuple("P03", new ShootOverrides(List.of("google", "shopify"), List.of(), null)),
            tuple("P05", new ShootOverrides(List.of(), List.of("studio"), 1)));
  }

  @Test
  void whatTheWriterWritesReadsBackAsTheSameProducts() {
    ProductSpec ring =
        new ProductSpec(
            "R-1",
            "Ring, \"Aurora\"",
            "ring",
            "18k white gold",
            List.of(new Stone("diamond", 3, "princess", "colourless")),
            "channel",
            "for A.\nwith love");
    List<ReferencePhoto> photos =
        List.of(
            new ReferencePhoto("uploads/u1/0", "front"), new ReferencePhoto("uploads/u1/1", ""));

    ShootOverrides own = new ShootOverrides(List.of("etsy"), List.of("flux", "studio"), 2);
    byte[] json =
        ManifestWriter.json("spring-24", List.of(new ManifestWriter.Product(ring, photos, own)));
    Manifest read = ManifestReader.read("manifest.json", new String(json, StandardCharsets.UTF_8));

    assertThat(read.problems()).isEmpty();
    assertThat(read.id()).contains("spring-24");
    assertThat(read.entries())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.product()).isEqualTo(ring);
              assertThat(entry.photos())
                  .containsExactly(
                      new PhotoReference("uploads/u1/0", "front"),
                      new PhotoReference("uploads/u1/1", ""));
              assertThat(entry.overrides()).isEqualTo(own);
            });
  }

  @Nested
  class Csv {

    @Test
    void readsQuotedValuesAnyColumnOrderAndOptionalColumns() {
      Manifest manifest =
          read(
              "catalog.csv",
              """
              Photos,SKU,Name,Type,Metal,Engraving
              photos/ring-front.jpg@front; photos/ring-side.jpg,R-1,"Ring, ""Aurora""\",ring,18k white gold,"for A.
              with love"
              """);

      ManifestEntry ring = manifest.entries().get(0);
      assertThat(ring.line()).isEqualTo(2);
      assertThat(ring.product().name()).isEqualTo("Ring, \"Aurora\"");
      assertThat(ring.product().engraving()).isEqualTo("for A.\nwith love");
      assertThat(ring.product().stones()).isEmpty();
      assertThat(ring.photos())
          .containsExactly(
              new PhotoReference("photos/ring-front.jpg", "front"),
              new PhotoReference("photos/ring-side.jpg", ""));
      assertThat(ring.approval()).isEmpty();
      assertThat(manifest.approval()).isEmpty();
    }

    @Test
    void reportsEveryProblemWithItsLineAndKeepsEveryRowInItsPlace() {
      Manifest manifest =
          read(
              "catalog.csv",
              """
              sku,name,type,metal,stones,photos,policy
              R-1,Ring,ring,gold,,photos/ring-front.jpg,auto
              ../R-2,Ring,ring,gold,,photos/ring-front.jpg,auto

              R-3,Ring,ring,,,photos/missing.jpg,sometimes
              R-1,Ring,ring,gold,,photos/ring-front.jpg,auto
              R-4,Ring,ring
              R-5,Ring,ring,gold,diamond:one,photos/ring-front.jpg,
              R-6,Ring,ring,gold,,,
              """);

      assertThat(manifest.readable()).isTrue();
      assertThat(manifest.entries())
          .extracting(ManifestEntry::line, ManifestEntry::name, ManifestEntry::valid)
          .containsExactly(
              tuple(2, "R-1", true),
              tuple(3, "../R-2", false),
              tuple(5, "R-3", false),
              tuple(6, "R-1", false),
              tuple(7, "line 7", false),
              tuple(8, "line 8", false),
              tuple(9, "R-6", false));
      assertThatThrownBy(() -> fail(manifest))
          .isInstanceOfSatisfying(
              ManifestException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(ManifestException.Kind.INVALID_PRODUCTS);
                assertThat(e.problems())
                    .containsExactly(
                        "line 3: '../R-2' is not a valid SKU: use 1 to 64 letters, digits, '.',"
                            + " '_' or '-', starting with a letter or digit.",
                        "line 5: the metal is missing",
                        "line 5: the policy 'sometimes' is neither auto nor manual",
                        "line 6: the SKU R-1 appears twice in the catalog",
                        "line 7: 3 values for 7 columns",
                        "line 8: stone 'diamond:one': the count 'one' is not a whole number of"
                            + " at least 1",
                        "line 9: no photos; list at least one, e.g. ring-front.jpg@front");
              })
          .hasMessageStartingWith("catalog.csv has 7 problems:");
    }

    @Test
    void aRowMayHaveItsOwnChannelsProvidersAndVariants() {
      Manifest manifest =
          read(
              "catalog.csv",
              """
              sku,name,type,metal,photos,channels,providers,variants
              R-1,Ring,ring,gold,a.jpg,etsy;Amazon,flux;openai:gpt-image-2;studio,2
              R-2,Ring,ring,gold,a.jpg,"etsy, shopify",,
              R-3,Ring,ring,gold,a.jpg,,,
              """);

      assertThat(manifest.problems()).isEmpty();
      assertThat(manifest.entries())
          .extracting(ManifestEntry::overrides)
          .containsExactly(
              new ShootOverrides(
                  List.of("etsy", "Amazon"), List.of("flux", "openai:gpt-image-2", "studio"), 2),
              new ShootOverrides(List.of("etsy", "shopify"), List.of(), null),
              ShootOverrides.NONE);
    }

    @Test
    void aRowsOwnPolicyThatCannotBeMeantIsAProblemOfItsLine() {
      Manifest manifest =
          read(
              "catalog.csv",
              """
              sku,name,type,metal,photos,channels,providers,variants
              R-1,Ring,ring,gold,a.jpg,etsy;;amazon,,
              R-2,Ring,ring,gold,a.jpg,,midjourney;flux;flux,
              R-3,Ring,ring,gold,a.jpg,,,12
              R-4,Ring,ring,gold,a.jpg,,,two
              """);

      // A doubled separator is no name: R-1 is fine (NameList's rule).
      assertThat(manifest.entries())
          .filteredOn(ManifestEntry::valid)
          .singleElement()
          .extracting(entry -> entry.overrides().channels())
          .isEqualTo(List.of("etsy", "amazon"));
      assertThat(manifest.problems())
          .extracting(Problem::toString)
          .containsExactly(
              "line 3: providers: 'midjourney' is no generator; the generators are studio,"
                  + " openai, flux, optionally with a model, e.g. flux:flux-pro-1.1",
              "line 3: providers: 'flux' is named twice",
              "line 4: variants: a number of candidates per shot from 1 to 10, not '12'",
              "line 5: variants: a number of candidates per shot from 1 to 10, not 'two'");
    }

    @Test
    void namesAnUnknownColumnAndAMissingOneAsUnreadable() {
      Manifest manifest =
          read("catalog.csv", "sku,name,type,colour,photos\nR-1,Ring,ring,gold,a.jpg\n");

      assertThat(manifest.readable()).isFalse();
      assertThatThrownBy(manifest::requireReadable)
          .isInstanceOfSatisfying(
              ManifestException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(ManifestException.Kind.UNREADABLE);
                assertThat(e.problems())
                    .containsExactly(
                        "line 1: unknown column 'colour'; the columns are sku, name, type, metal,"
                            + " stones, setting, engraving, photos, policy, channels, providers,"
                            + " variants",
                        "line 1: the column 'metal' is missing");
              });
    }

    @Test
    void namesTheLineOfAQuoteThatIsNeverClosed() {
      Manifest manifest =
          read(
              "catalog.csv",
              "sku,name,type,metal,photos\nR-1,Ring,ring,gold,photos/ring-front.jpg\n"
                  + "R-2,\"Ring,ring,gold,photos/ring-front.jpg\n");

      assertThat(manifest.fileProblems())
          .extracting(Problem::toString)
          .containsExactly("line 3: a quoted value starts here and is never closed");
    }

    @Test
    void productsAskingForDifferentPoliciesCannotShareACatalog() {
      Manifest manifest =
          read(
              "catalog.csv",
              """
              sku,name,type,metal,photos,policy
              R-1,Ring,ring,gold,a.jpg,auto
              R-2,Ring,ring,gold,a.jpg,
              R-3,Ring,ring,gold,a.jpg,manual
              """);

      assertThat(manifest.problems()).isEmpty();
      assertThatThrownBy(manifest::approval)
          .isInstanceOf(ManifestException.class)
          .hasMessageContaining(
              "line 4: asks for the manual policy, but line 2 asks for auto; a catalog runs all"
                  + " its products under one policy");
    }
  }

  @Nested
  class Json {

    @Test
    void readsTheCatalogsIdPolicyAndPhotosByPathOrKey() {
      Manifest manifest =
          read(
              "spring.json",
              """
              {"id": "spring", "policy": "manual",
               "products": [
                 {"sku": "R-1", "name": "Ring", "type": "ring", "metal": "gold",
                  "photos": ["photos/ring-front.jpg@front"]},
                 {"sku": "R-2", "name": "Ring", "type": "ring", "metal": "gold",
                  "photos": [{"key": "uploads/u/0", "angle": "side"}], "policy": "manual"}
               ]}
              """);

      assertThat(manifest.id()).contains("spring");
      assertThat(manifest.approval()).contains(ShootPolicy.Approval.MANUAL);
      assertThat(manifest.entries())
          .extracting(ManifestEntry::line, ManifestEntry::photos)
          .containsExactly(
              tuple(3, List.of(new PhotoReference("photos/ring-front.jpg", "front"))),
              tuple(5, List.of(new PhotoReference("uploads/u/0", "side"))));
    }

    @Test
    void reportsProblemsWithTheLineOfTheirProduct() {
      Manifest manifest =
          read(
              "catalog.json",
              """
              [
                {"sku": "R-1", "name": "Ring", "type": "ring", "metal": "gold",
                 "photos": ["photos/ring-front.jpg"]},
                {"sku": "R-2", "name": "Ring", "type": "ring", "metal": "gold",
                 "photos": ["photos/ring-front.jpg"], "colour": "red"},
                {"sku": "R-3", "name": "Ring", "type": "ring", "metal": 18,
                 "photos": ["photos/ring-front.jpg"]},
                {"sku": "R-4", "name": "Ring", "type": "ring", "metal": "gold",
                 "stones": [{"type": "ruby", "count": 0}], "photos": ["photos/ring-front.jpg"]}
              ]
              """);

      assertThat(manifest.entries()).hasSize(4);
      assertThat(manifest.problems())
          .extracting(Problem::toString)
          .containsExactly(
              "line 4: unknown field \"colour\"; a product has sku, name, type, metal,"
                  + " stones, setting, engraving, photos, policy, channels, providers, variants",
              "line 6: \"metal\" must be a string, not 18",
              "line 8: a stone's count must be a whole number of at least 1");
    }

    @Test
    void aProductsOwnPolicyIsArraysOfNamesAndANumber() {
      Manifest manifest =
          read(
              "catalog.json",
              """
              [
                {"sku": "R-1", "name": "Ring", "type": "ring", "metal": "gold", "photos": ["a.jpg"],
                 "channels": ["etsy", "amazon"], "providers": ["flux", "studio"], "variants": 2},
                {"sku": "R-2", "name": "Ring", "type": "ring", "metal": "gold", "photos": ["a.jpg"],
                 "channels": "shopify;ebay"},
                {"sku": "R-3", "name": "Ring", "type": "ring", "metal": "gold", "photos": ["a.jpg"],
                 "channels": {"etsy": true}},
                {"sku": "R-4", "name": "Ring", "type": "ring", "metal": "gold", "photos": ["a.jpg"],
                 "variants": 2.5}
              ]
              """);

      assertThat(manifest.entries().subList(0, 2))
          .extracting(ManifestEntry::overrides)
          .containsExactly(
              new ShootOverrides(List.of("etsy", "amazon"), List.of("flux", "studio"), 2),
              new ShootOverrides(List.of("shopify", "ebay"), List.of(), null));
      assertThat(manifest.problems())
          .extracting(Problem::toString)
          .containsExactly(
              "line 6: \"channels\" must be an array of names, e.g. [\"etsy\", \"amazon\"], not"
                  + " {\"etsy\":true}",
              "line 8: variants: a number of candidates per shot from 1 to 10, not '2.5'");
    }

    @Test
    void reportsTheLineOfASyntaxError() {
      Manifest manifest =
          read(
              "catalog.json",
              """
              {"products": [
                {"sku": "R-1", "name": "Ring",
                 "type": "ring" "metal": "gold"}
              ]}
              """);

      assertThat(manifest.readable()).isFalse();
      assertThat(manifest.fileProblems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.line()).isEqualTo(3);
                assertThat(problem.text()).startsWith("not valid JSON: ");
              });
    }
  }

  @Test
  void refusesOtherFileTypes() {
    assertThatThrownBy(() -> read("catalog.txt", "sku\n"))
        .isInstanceOfSatisfying(
            ManifestException.class,
            e -> assertThat(e.kind()).isEqualTo(ManifestException.Kind.UNREADABLE))
        .hasMessageContaining("a .csv or a .json file");
  }

  @Test
  void anEmptyCatalogSaysSo() {
    assertThat(read("catalog.json", "[]").fileProblems())
        .extracting(Problem::toString)
        .containsExactly("line 1: the catalog has no products");
  }

  private static Manifest read(String name, String text) {
    return ManifestReader.read(name, text);
  }

  private static Manifest example(String name) throws IOException {
    return read(name, Files.readString(EXAMPLES.resolve(name)));
  }

  private static void fail(Manifest manifest) {
    ManifestException.throwIfAny(manifest.name(), manifest.problems(), !manifest.readable());
  }
}
