package dev.facet.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.facet.model.Stone;
import dev.facet.shoot.ShootPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogReaderTest {

  private static final Path EXAMPLES = Path.of("../examples");

  @TempDir Path folder;

  @BeforeEach
  void photos() throws IOException {
    Files.createDirectories(folder.resolve("photos"));
    Files.write(folder.resolve("photos/ring-front.jpg"), new byte[] {1});
    Files.write(folder.resolve("photos/ring-side.jpg"), new byte[] {2});
  }

  @Test
  void theShippedExamplesReadAlikeAsCsvAndJson() {
    Catalog csv = CatalogReader.read(EXAMPLES.resolve("catalog.csv"));
    Catalog json = CatalogReader.read(EXAMPLES.resolve("catalog.json"));

    assertThat(csv.id()).isEqualTo("catalog");
    assertThat(csv.products()).extracting(p -> p.spec().sku()).containsExactly("P01", "P03", "P05");
    assertThat(json.id()).isEqualTo(csv.id());
    assertThat(json.products())
        .extracting(CatalogProduct::spec, CatalogProduct::photos, CatalogProduct::approval)
        .containsExactlyElementsOf(
            csv.products().stream()
                .map(p -> tuple(p.spec(), p.photos(), p.approval()))
                .toList());
    CatalogProduct pendant = csv.products().get(1);
    assertThat(pendant.spec().stones())
        .containsExactly(
            new Stone("ruby", 1, "round brilliant", "deep red"),
            new Stone("diamond", 14, "round brilliant", "colourless"));
    assertThat(pendant.photos())
        .extracting(PhotoSource::angle)
        .containsExactly("front", "side");
    assertThat(pendant.photos().get(0).path()).isAbsolute().exists();
    assertThat(pendant.approval()).contains(ShootPolicy.Approval.AUTO);
  }

  @Nested
  class Csv {

    @Test
    void readsQuotedValuesAnyColumnOrderAndOptionalColumns() throws IOException {
      Path file =
          write(
              "catalog.csv",
              """
              Photos,SKU,Name,Type,Metal,Engraving
              photos/ring-front.jpg@front; photos/ring-side.jpg,R-1,"Ring, ""Aurora""\",ring,18k white gold,"for A.
              with love"
              """);

      Catalog catalog = CatalogReader.read(file);

      CatalogProduct ring = catalog.products().get(0);
      assertThat(ring.line()).isEqualTo(2);
      assertThat(ring.spec().name()).isEqualTo("Ring, \"Aurora\"");
      assertThat(ring.spec().engraving()).isEqualTo("for A.\nwith love");
      assertThat(ring.spec().stones()).isEmpty();
      assertThat(ring.photos())
          .containsExactly(
              new PhotoSource(folder.resolve("photos/ring-front.jpg"), "front"),
              new PhotoSource(folder.resolve("photos/ring-side.jpg"), ""));
      assertThat(ring.approval()).isEmpty();
    }

    @Test
    void reportsEveryProblemWithItsLine() throws IOException {
      Path file =
          write(
              "catalog.csv",
              """
              sku,name,type,metal,stones,photos,policy
              R-1,Ring,ring,gold,,photos/ring-front.jpg,auto
              ../R-2,Ring,ring,gold,,photos/ring-front.jpg,auto

              R-3,Ring,ring,,,photos/missing.jpg,sometimes
              R-1,Ring,ring,gold,,photos/ring-front.jpg,manual
              R-4,Ring,ring
              R-5,Ring,ring,gold,diamond:one,photos/ring-front.jpg,
              """);

      assertThatThrownBy(() -> CatalogReader.read(file))
          .isInstanceOfSatisfying(
              CatalogException.class,
              e ->
                  assertThat(e.problems())
                      .containsExactly(
                          "line 3: '../R-2' is not a valid SKU: use 1 to 64 letters, digits, '.',"
                              + " '_' or '-', starting with a letter or digit.",
                          "line 5: the metal is missing",
                          "line 5: photo 'photos/missing.jpg' not found (looked for "
                              + folder.resolve("photos/missing.jpg")
                              + ")",
                          "line 5: the policy 'sometimes' is neither auto nor manual",
                          "line 6: the SKU R-1 appears twice in the catalog",
                          "line 7: 3 values for 7 columns",
                          "line 8: stone 'diamond:one': the count 'one' is not a whole number of at"
                              + " least 1"))
          .hasMessageStartingWith("catalog.csv has 7 problems:");
    }

    @Test
    void namesAnUnknownColumnAndAMissingOne() throws IOException {
      Path file = write("catalog.csv", "sku,name,type,colour,photos\nR-1,Ring,ring,gold,a.jpg\n");

      assertThatThrownBy(() -> CatalogReader.read(file))
          .isInstanceOfSatisfying(
              CatalogException.class,
              e ->
                  assertThat(e.problems())
                      .containsExactly(
                          "line 1: unknown column 'colour'; the columns are sku, name, type, metal,"
                              + " stones, setting, engraving, photos, policy",
                          "line 1: the column 'metal' is missing"));
    }

    @Test
    void namesTheLineOfAQuoteThatIsNeverClosed() throws IOException {
      Path file =
          write(
              "catalog.csv",
              "sku,name,type,metal,photos\nR-1,Ring,ring,gold,photos/ring-front.jpg\n"
                  + "R-2,\"Ring,ring,gold,photos/ring-front.jpg\n");

      assertThatThrownBy(() -> CatalogReader.read(file))
          .isInstanceOfSatisfying(
              CatalogException.class,
              e ->
                  assertThat(e.problems())
                      .containsExactly("line 3: a quoted value starts here and is never closed"));
    }
  }

  @Nested
  class Json {

    @Test
    void readsACatalogPolicyAndProductOverrides() throws IOException {
      Path file =
          write(
              "spring.json",
              """
              {"policy": "manual",
               "products": [
                 {"sku": "R-1", "name": "Ring", "type": "ring", "metal": "gold",
                  "photos": ["photos/ring-front.jpg@front"]},
                 {"sku": "R-2", "name": "Ring", "type": "ring", "metal": "gold",
                  "photos": [{"path": "photos/ring-side.jpg", "angle": "side"}], "policy": "auto"}
               ]}
              """);

      Catalog catalog = CatalogReader.read(file);

      assertThat(catalog.id()).isEqualTo("spring");
      assertThat(catalog.products())
          .extracting(CatalogProduct::line, CatalogProduct::approval)
          .containsExactly(
              tuple(3, Optional.of(ShootPolicy.Approval.MANUAL)),
              tuple(5, Optional.of(ShootPolicy.Approval.AUTO)));
    }

    @Test
    void reportsProblemsWithTheLineOfTheirProduct() throws IOException {
      Path file =
          write(
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

      assertThatThrownBy(() -> CatalogReader.read(file))
          .isInstanceOfSatisfying(
              CatalogException.class,
              e ->
                  assertThat(e.problems())
                      .containsExactly(
                          "line 4: unknown field \"colour\"; a product has sku, name, type, metal,"
                              + " stones, setting, engraving, photos, policy",
                          "line 6: \"metal\" must be a string, not 18",
                          "line 8: a stone's count must be a whole number of at least 1"));
    }

    @Test
    void reportsTheLineOfASyntaxError() throws IOException {
      Path file =
          write(
              "catalog.json",
              """
              {"products": [
                {"sku": "R-1", "name": "Ring",
                 "type": "ring" "metal": "gold"}
              ]}
              """);

      assertThatThrownBy(() -> CatalogReader.read(file))
          .isInstanceOfSatisfying(
              CatalogException.class,
              e -> {
                assertThat(e.problems()).hasSize(1);
                assertThat(e.problems().get(0)).startsWith("line 3: not valid JSON: ");
              });
    }
  }

  @Test
  void refusesOtherFileTypes() throws IOException {
    Path file = write("catalog.txt", "sku\n");

    assertThatThrownBy(() -> CatalogReader.read(file))
        .isInstanceOf(CatalogException.class)
        .hasMessageContaining("a .csv or a .json file");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(folder.resolve(name), content);
  }
}
