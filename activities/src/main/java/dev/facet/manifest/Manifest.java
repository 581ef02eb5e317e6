package dev.facet.manifest;

import dev.facet.shoot.ShootPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed catalog manifest: its products in file order, each with the problems of the rules that
 * hold wherever the manifest comes from. Whether a photo reference points at something real is for
 * the reader to check: a path next to the file for {@code run}, an object key for the API and the
 * catalog workflow.
 *
 * @param name the file name or object key, for messages
 * @param id the catalog id the file gives itself (JSON {@code "id"}), if any
 * @param catalogApproval the policy the file gives the whole catalog (JSON {@code "policy"})
 * @param fileProblems what makes the file as a whole unreadable: syntax, header, no products
 */
public record Manifest(
    String name,
    Optional<String> id,
    Optional<ShootPolicy.Approval> catalogApproval,
    List<ManifestEntry> entries,
    List<Problem> fileProblems) {

  public Manifest {
    entries = List.copyOf(entries);
    fileProblems = List.copyOf(fileProblems);
  }

  /** The id the manifest names its catalog by: its {@code "id"}, else its file name's stem. */
  public String ownId() {
    String file = name.substring(name.lastIndexOf('/') + 1);
    return id.orElse(file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file);
  }

  public boolean readable() {
    return fileProblems.isEmpty();
  }

  /** Every problem, of the file and of its products. */
  public List<Problem> problems() {
    List<Problem> all = new ArrayList<>(fileProblems);
    entries.forEach(entry -> all.addAll(entry.problemsWithLine()));
    return all;
  }

  /**
   * @throws ManifestException when the file as a whole cannot be read
   */
  public Manifest requireReadable() {
    ManifestException.throwIfAny(name, fileProblems, true);
    return this;
  }

  /**
   * The one approval policy the manifest asks for: the catalog's, else the one its products agree
   * on; empty when nothing says. A catalog runs all its products under one policy.
   *
   * @throws ManifestException when products ask for different policies
   */
  public Optional<ShootPolicy.Approval> approval() {
    Optional<ShootPolicy.Approval> first = catalogApproval;
    int firstLine = 1;
    for (ManifestEntry entry : entries) {
      if (entry.approval().isEmpty()) {
        continue;
      }
      if (first.isEmpty()) {
        first = entry.approval();
        firstLine = entry.line();
      } else if (!first.equals(entry.approval())) {
        throw new ManifestException(
            name,
            ManifestException.Kind.INVALID_PRODUCTS,
            List.of(
                new Problem(
                    entry.line(),
                    "asks for the "
                        + words(entry.approval().get())
                        + " policy, but line "
                        + firstLine
                        + " asks for "
                        + words(first.get())
                        + "; a catalog runs all its products under one policy, so make them"
                        + " agree or leave the policy out and choose it when starting")));
      }
    }
    return first;
  }

  private static String words(ShootPolicy.Approval approval) {
    return approval.name().toLowerCase(Locale.ROOT);
  }
}
