package dev.facet.app.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.facet.manifest.ManifestException;
import dev.facet.shoot.ShootPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run} adds to the manifest format: photos are files next to the catalog. */
class CatalogFileTest {

  private static final Path EXAMPLES = Path.of("../examples");

  @TempDir Path folder;

  @BeforeEach
  void photos() throws IOException {
    Files.createDirectories(folder.resolve("photos"));
    Files.write(folder.resolve("photos/ring-front.jpg"), new byte[] {1});
  }

  @Test
  void theShippedExamplesReadAlikeWithPhotosThatExist() {
    CatalogFile csv = read(EXAMPLES.resolve("catalog.csv"));
    CatalogFile json = read(EXAMPLES.resolve("catalog.json"));

    assertThat(csv.id()).isEqualTo("catalog").isEqualTo(json.id());
    assertThat(csv.approval()).isEqualTo(ShootPolicy.Approval.AUTO);
    assertThat(json.products())
        .extracting(CatalogProduct::spec, CatalogProduct::photos)
        .containsExactlyElementsOf(
            csv.products().stream().map(p -> tuple(p.spec(), p.photos())).toList());
    CatalogProduct pendant = csv.products().get(1);
    assertThat(pendant.sku()).isEqualTo("P03");
    assertThat(pendant.photos()).extracting(PhotoFile::angle).containsExactly("front", "side");
    assertThat(pendant.photos().get(0).path()).isAbsolute().exists();
  }

  @Test
  void aPhotoThatIsNotThereIsAProblemOnItsLineWithTheOthers() throws IOException {
    Path file =
        write(
            "catalog.csv",
            """
            sku,name,type,metal,photos
            R-1,Ring,ring,gold,photos/ring-front.jpg
            R-2,Ring,ring,,photos/missing.jpg@side
            """);

    assertThatThrownBy(() -> read(file))
        .isInstanceOfSatisfying(
            ManifestException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "line 3: the metal is missing",
                        "line 3: photo 'photos/missing.jpg' not found (looked for "
                            + folder.resolve("photos/missing.jpg")
                            + ")"))
        .hasMessageStartingWith("catalog.csv has 2 problems:");
  }

  @Test
  void theIdComesFromTheOptionElseTheJsonElseTheFileNameAndMustBeSafe() throws IOException {
    String product =
        "{\"sku\": \"R-1\", \"name\": \"Ring\", \"type\": \"ring\", \"metal\": \"gold\","
            + " \"photos\": [\"photos/ring-front.jpg\"]}";
    Path named = write("spring.json", "{\"id\": \"spring-24\", \"products\": [" + product + "]}");
    Path unnamed = write("summer 24.json", "[" + product + "]");

    assertThat(read(named).id()).isEqualTo("spring-24");
    assertThat(CatalogFile.read(named, Optional.of("other"), Optional.empty()).id())
        .isEqualTo("other");
    assertThatThrownBy(() -> read(unnamed))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining(
            "line 1: 'summer 24' is not a valid catalog id: use 1 to 64 letters, digits")
        .hasMessageContaining("pass --id");
    assertThat(CatalogFile.read(unnamed, Optional.of("summer-24"), Optional.empty()).id())
        .isEqualTo("summer-24");
  }

  @Test
  void oneCatalogOnePolicyUnlessTheCommandLineChooses() throws IOException {
    Path file =
        write(
            "mixed.csv",
            """
            sku,name,type,metal,photos,policy
            R-1,Ring,ring,gold,photos/ring-front.jpg,auto
            R-2,Ring,ring,gold,photos/ring-front.jpg,manual
            """);

    assertThatThrownBy(() -> read(file))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("line 3: asks for the manual policy, but line 2 asks for auto");
    assertThat(
            CatalogFile.read(file, Optional.empty(), Optional.of(ShootPolicy.Approval.MANUAL))
                .approval())
        .isEqualTo(ShootPolicy.Approval.MANUAL);
  }

  @Test
  void aSampleTakesEachCategoryInTurnAndKeepsFileOrder() {
    CatalogFile catalog = read(EXAMPLES.resolve("catalog.csv"));
    assertThat(catalog.products()).hasSizeGreaterThan(2);

    CatalogFile sample = catalog.sample(2);

    assertThat(sample.id()).isEqualTo(catalog.id() + "-sample");
    // P01 is a ring with a diamond, P03 a pendant with stones: two categories, one product each.
    assertThat(sample.products()).extracting(p -> p.spec().sku()).containsExactly("P01", "P03");
    assertThat(catalog.sample(100).products()).hasSameSizeAs(catalog.products());
  }

  private static CatalogFile read(Path file) {
    return CatalogFile.read(file, Optional.empty(), Optional.empty());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(folder.resolve(name), content);
  }
}
