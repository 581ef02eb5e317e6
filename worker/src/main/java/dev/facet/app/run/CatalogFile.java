package dev.facet.app.run;

import dev.facet.manifest.CatalogSample;
import dev.facet.manifest.Identifier;
import dev.facet.manifest.Manifest;
import dev.facet.manifest.ManifestEntry;
import dev.facet.manifest.ManifestException;
import dev.facet.manifest.ManifestReader;
import dev.facet.manifest.PhotoReference;
import dev.facet.manifest.Problem;
import dev.facet.shoot.ShootPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A catalog file for {@code run}: the manifest format of {@link ManifestReader}, with photos as
 * paths relative to the file, which must exist.
 *
 * @param id names the catalog: workflow {@code catalog-<id>}, search attribute FacetCatalog
 * @param file where it was read from, absolute
 * @param approval the one policy of every product
 */
public record CatalogFile(
    String id, Path file, ShootPolicy.Approval approval, List<CatalogProduct> products) {

  public CatalogFile {
    products = List.copyOf(products);
  }

  /**
   * Reads the file and checks everything a run needs, so a broken file fails before anything
   * starts.
   *
   * @param id the catalog id to use instead of the file's ({@code "id"} in JSON, else the file name
   *     without its extension)
   * @param approval the policy to use instead of the file's (else {@code auto})
   * @throws ManifestException listing every problem with its line
   * @throws UncheckedIOException when the file cannot be read
   */
  public static CatalogFile read(
      Path file, Optional<String> id, Optional<ShootPolicy.Approval> approval) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the catalog " + file, e);
    }
    String name = file.getFileName().toString();
    Manifest manifest = ManifestReader.read(name, text);
    List<Problem> problems = new ArrayList<>(manifest.problems());
    Path folder = file.toAbsolutePath().getParent();
    List<CatalogProduct> products = new ArrayList<>();
    for (ManifestEntry entry : manifest.entries()) {
      if (entry.product() == null) {
        continue;
      }
      List<PhotoFile> photos = photos(entry, folder, problems);
      if (entry.valid() && photos.size() == entry.photos().size()) {
        products.add(new CatalogProduct(entry.line(), entry.product(), photos, entry.overrides()));
      }
    }
    String catalogId = id.orElseGet(manifest::ownId);
    if (!Identifier.CATALOG.isValid(catalogId)) {
      problems.add(
          new Problem(
              1,
              Identifier.CATALOG.describeInvalid(catalogId)
                  + " Name the file after the catalog, give a JSON catalog an \"id\", or pass"
                  + " --id."));
    }
    ManifestException.throwIfAny(name, problems, !manifest.readable());
    ShootPolicy.Approval policy = approval.or(manifest::approval).orElse(ShootPolicy.Approval.AUTO);
    return new CatalogFile(catalogId, file.toAbsolutePath(), policy, products);
  }

  /**
   * At most {@code size} of the products, as the catalog {@code <id>-sample}: {@link
   * CatalogSample}.
   */
  public CatalogFile sample(int size) {
    Optional<String> problem = CatalogSample.idProblem(id);
    if (problem.isPresent()) {
      throw new UsageException(problem.get() + " Give the catalog a shorter --id.");
    }
    List<CatalogProduct> chosen = CatalogSample.choose(products, CatalogProduct::spec, size);
    return new CatalogFile(CatalogSample.id(id), file, approval, chosen);
  }

  /** The photos of {@code entry} that exist; a problem for each that does not. */
  private static List<PhotoFile> photos(ManifestEntry entry, Path folder, List<Problem> problems) {
    List<PhotoFile> photos = new ArrayList<>();
    for (PhotoReference photo : entry.photos()) {
      if (photo.reference().isEmpty()) {
        continue; // The manifest's rules name it.
      }
      try {
        Path path = folder.resolve(photo.reference()).normalize();
        if (Files.isRegularFile(path)) {
          photos.add(new PhotoFile(path, photo.angle()));
        } else {
          problems.add(
              new Problem(
                  entry.line(),
                  "photo '" + photo.reference() + "' not found (looked for " + path + ")"));
        }
      } catch (InvalidPathException e) {
        problems.add(
            new Problem(entry.line(), "photo '" + photo.reference() + "' is not a valid path"));
      }
    }
    return photos;
  }
}
