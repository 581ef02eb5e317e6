package dev.facet.manifest;

import dev.facet.catalog.ShootOverrides;
import dev.facet.model.ProductSpec;
import dev.facet.shoot.ShootPolicy;
import java.util.List;
import java.util.Optional;

/**
 * One product of a manifest, after the rules every product must meet.
 *
 * @param line where the product starts in the manifest
 * @param product what the row says; null when the row could not be read at all
 * @param approval the policy the row asks for, if it asks
 * @param problems what breaks the rules, empty for a product that can be shot
 * @param overrides what the row changes about the catalog's policy, names as written
 */
public record ManifestEntry(
    int line,
    ProductSpec product,
    List<PhotoReference> photos,
    Optional<ShootPolicy.Approval> approval,
    List<String> problems,
    ShootOverrides overrides) {

  public ManifestEntry {
    photos = List.copyOf(photos);
    problems = List.copyOf(problems);
    overrides = overrides == null ? ShootOverrides.NONE : overrides;
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /** The row's SKU as written, or "line N" when there is none to name it by. */
  public String name() {
    return product == null || product.sku() == null || product.sku().isBlank()
        ? "line " + line
        : product.sku();
  }

  public List<Problem> problemsWithLine() {
    return problems.stream().map(text -> new Problem(line, text)).toList();
  }
}
