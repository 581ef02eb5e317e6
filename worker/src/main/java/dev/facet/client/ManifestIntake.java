package dev.facet.client;

import dev.facet.catalogstore.StoredPhotos;
import dev.facet.manifest.Manifest;
import dev.facet.manifest.ManifestEntry;
import dev.facet.manifest.ManifestException;
import dev.facet.manifest.ManifestFormat;
import dev.facet.manifest.ManifestReader;
import dev.facet.manifest.Problem;
import dev.facet.shoot.ShootPolicy;
import dev.facet.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a manifest sent to the API, whose photos are object keys from {@code POST /api/uploads},
 * and settles what the catalog start leaves open: its id and its policy.
 */
@Component
public class ManifestIntake {

  private final ObjectStore store;

  public ManifestIntake(ObjectStore store) {
    this.store = store;
  }

  /**
   * @param fileName the uploaded file's name; {@code .csv} or {@code .json} gives the format
   * @param catalogId the id to use; else the manifest's {@code "id"}, else the file name
   * @param policy {@code auto} or {@code manual}; else the manifest's, else {@code manual}
   * @throws ManifestException naming every problem with its line: {@link
   *     ManifestException.Kind#UNREADABLE} for the file as a whole, else the products' problems
   *     (photos not in the store included)
   * @throws InvalidCatalogRequestException for a bad id or policy
   */
  public CatalogStart prepare(
      String fileName, byte[] bytes, String catalogId, String policy, Integer window) {
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
    String id = catalogId == null || catalogId.isBlank() ? manifest.ownId() : catalogId;
    return new CatalogStart(
        id, ManifestFormat.of(name).orElseThrow(), bytes, approval(policy, manifest), window);
  }

  private static ShootPolicy.Approval approval(String policy, Manifest manifest) {
    if (policy == null || policy.isBlank()) {
      return manifest.approval().orElse(ShootPolicy.Approval.MANUAL);
    }
    try {
      return ManifestReader.parseApproval(policy);
    } catch (IllegalArgumentException e) {
      throw new InvalidCatalogRequestException("The 'policy' is auto or manual, not '" + policy + "'.");
    }
  }
}
