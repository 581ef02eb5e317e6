package dev.facet.app.catalog;

import dev.facet.app.policy.ShootChoices;
import dev.facet.app.policy.ShootPolicies;
import dev.facet.catalog.ShootOverrides;
import dev.facet.catalogstore.StoredPhotos;
import dev.facet.manifest.CatalogSample;
import dev.facet.manifest.Identifier;
import dev.facet.manifest.Manifest;
import dev.facet.manifest.ManifestEntry;
import dev.facet.manifest.ManifestException;
import dev.facet.manifest.ManifestFormat;
import dev.facet.manifest.ManifestReader;
import dev.facet.manifest.ManifestWriter;
import dev.facet.manifest.Problem;
import dev.facet.model.ReferencePhoto;
import dev.facet.shoot.ShootPolicy;
import dev.facet.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks a manifest sent to the API, whose photos are object keys from {@code POST /api/uploads},
 * and settles what the catalog start leaves open: its id, its approval and, for a bake-off, its
 * sample.
 */
@Component
public class ManifestIntake {

  /**
   * What the start asks for besides the manifest.
   *
   * @param catalogId the id to use; else the manifest's {@code "id"}, else the file name; may be
   *     null
   * @param window products in progress at once; else the configured default; may be null
   * @param sample for a bake-off: shoot only this many products, as {@link CatalogSample} chooses;
   *     may be null
   * @param choices about every shoot; an approval not chosen (nor given by a whole policy) is the
   *     manifest's, else {@code manual}
   * @param budgetUsd the catalog's budget in US dollars; may be null for none
   */
  public record Options(
      String catalogId, Integer window, Integer sample, ShootChoices choices, Double budgetUsd) {

    /** Options without a budget. */
    public Options(String catalogId, Integer window, Integer sample, ShootChoices choices) {
      this(catalogId, window, sample, choices, null);
    }
  }

  private final ObjectStore store;
  private final CatalogClient catalogs;

  public ManifestIntake(ObjectStore store, CatalogClient catalogs) {
    this.store = store;
    this.catalogs = catalogs;
  }

  /**
   * @param fileName the uploaded file's name; {@code .csv} or {@code .json} gives the format
   * @throws ManifestException naming every problem with its line: {@link
   *     ManifestException.Kind#UNREADABLE} for the file as a whole, else the products' problems
   *     (photos not in the store, and channels or providers of a row Facet does not know, included)
   * @throws InvalidCatalogRequestException for a bad id, policy, bake-off or sample
   */
  public CatalogStart prepare(String fileName, byte[] bytes, Options options) {
    Integer sample = options.sample();
    if (sample != null && sample <= 0) {
      throw new InvalidCatalogRequestException(
          "The 'sample' is a number of products above 0, not " + sample + ".");
    }
    if (sample != null && !options.choices().policy().bakeoff()) {
      throw new InvalidCatalogRequestException(
          "The 'sample' chooses the products of a bake-off; give the providers with 'bakeoff'.");
    }
    String name = fileName == null || fileName.isBlank() ? "manifest" : fileName;
    Manifest manifest =
        ManifestReader.read(name, new String(bytes, StandardCharsets.UTF_8)).requireReadable();
    List<Problem> problems = new ArrayList<>(manifest.problems());
    for (ManifestEntry entry : manifest.entries()) {
      if (entry.valid()) {
        StoredPhotos.problems(store, entry)
            .forEach(problem -> problems.add(new Problem(entry.line(), problem)));
      }
    }
    ManifestException.throwIfAny(name, problems, false);
    String catalogId = options.catalogId();
    String id = catalogId == null || catalogId.isBlank() ? manifest.ownId() : catalogId;
    ShootChoices choices =
        options.choices().orApproval(manifest.approval().orElse(ShootPolicy.Approval.MANUAL));
    ShootPolicy policy = catalogs.check(choices);
    catalogs.checkRows(name, rows(manifest), policy);
    if (options.budgetUsd() != null) {
      catalogs.budgetPrices(
          policy, manifest.entries().stream().map(ManifestEntry::overrides).toList());
    }
    if (sample != null) {
      // A bake-off over part of the catalog, under its own id, as run --sample shoots it.
      String sampleId = sampleId(id);
      return new CatalogStart(
          sampleId,
          ManifestFormat.JSON,
          sample(manifest, sampleId, sample),
          choices,
          options.window(),
          options.budgetUsd());
    }
    return new CatalogStart(
        id,
        ManifestFormat.of(name).orElseThrow(),
        bytes,
        choices,
        options.window(),
        options.budgetUsd());
  }

  /**
   * What each product {@code start}'s manifest, as prepared here, would shoot changes about the
   * catalog's policy: one entry per product.
   */
  public static List<ShootOverrides> products(CatalogStart start) {
    String text = new String(start.manifest(), StandardCharsets.UTF_8);
    return ManifestReader.read("manifest." + start.format().extension(), text).entries().stream()
        .filter(ManifestEntry::valid)
        .map(ManifestEntry::overrides)
        .toList();
  }

  /** The products that can be shot, with what each changes about the catalog's policy. */
  private static List<ShootPolicies.Row> rows(Manifest manifest) {
    return manifest.entries().stream()
        .filter(ManifestEntry::valid)
        .map(entry -> new ShootPolicies.Row(entry.line(), entry.name(), entry.overrides()))
        .toList();
  }

  private static String sampleId(String id) {
    if (!Identifier.CATALOG.isValid(id)) {
      throw new InvalidCatalogRequestException(Identifier.CATALOG.describeInvalid(id));
    }
    Optional<String> problem = CatalogSample.idProblem(id);
    if (problem.isPresent()) {
      throw new InvalidCatalogRequestException(
          problem.get() + " Give the catalog a shorter 'catalogId'.");
    }
    return CatalogSample.id(id);
  }

  /** The manifest of the sample's products, photos as the same object keys. */
  private static byte[] sample(Manifest manifest, String sampleId, int size) {
    List<ManifestEntry> products =
        manifest.entries().stream().filter(ManifestEntry::valid).toList();
    return ManifestWriter.json(
        sampleId,
        CatalogSample.choose(products, ManifestEntry::product, size).stream()
            .map(
                entry ->
                    new ManifestWriter.Product(
                        entry.product(),
                        entry.photos().stream()
                            .map(photo -> new ReferencePhoto(photo.reference(), photo.angle()))
                            .toList(),
                        entry.overrides()))
            .toList());
  }
}
