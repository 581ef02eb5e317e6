package dev.facet.manifest;

import dev.facet.catalog.ShootOverrides;
import dev.facet.model.ProductSpec;
import dev.facet.shoot.ShootPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a catalog manifest ({@code .csv} or {@code .json}) and applies the rules every product must
 * meet wherever the manifest comes from: the required fields, a valid SKU that appears once, at
 * least one photo, a known policy, and well-formed overrides of the catalog's policy ({@link
 * RowOverrides}). Every problem keeps its line.
 */
public final class ManifestReader {

  private ManifestReader() {}

  /**
   * @param name the file name or object key; its extension gives the format
   * @throws ManifestException when the name is neither {@code .csv} nor {@code .json}
   */
  public static Manifest read(String name, String text) {
    ManifestFormat format =
        ManifestFormat.of(name)
            .orElseThrow(
                () ->
                    new ManifestException(
                        name,
                        ManifestException.Kind.UNREADABLE,
                        List.of(new Problem(1, "a catalog is a .csv or a .json file"))));
    Problems problems = new Problems();
    Optional<String> id = Optional.empty();
    String catalogPolicy = "";
    List<ManifestRow> rows;
    if (format == ManifestFormat.JSON) {
      JsonManifestParser.Parsed parsed = JsonManifestParser.parse(text, problems);
      id = parsed.id().filter(s -> !s.isBlank());
      catalogPolicy = parsed.policy();
      rows = parsed.rows();
    } else {
      rows = CsvManifestParser.parse(text, problems);
    }
    Optional<ShootPolicy.Approval> catalogApproval = Optional.empty();
    try {
      catalogApproval = approval(catalogPolicy);
    } catch (IllegalArgumentException e) {
      problems.add(1, e.getMessage());
    }
    List<ManifestEntry> entries = new ArrayList<>();
    Set<String> skus = new HashSet<>();
    for (ManifestRow row : rows) {
      entries.add(entry(row, skus));
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(1, "the catalog has no products");
    }
    return new Manifest(name, id, catalogApproval, entries, problems.list());
  }

  private static ManifestEntry entry(ManifestRow row, Set<String> skus) {
    if (row.problem() != null) {
      return new ManifestEntry(
          row.line(), null, List.of(), Optional.empty(), List.of(row.problem()), null);
    }
    List<String> problems = new ArrayList<>();
    if (!Identifier.SKU.isValid(row.sku())) {
      problems.add(Identifier.SKU.describeInvalid(row.sku()));
    } else if (!skus.add(row.sku())) {
      problems.add("the SKU " + row.sku() + " appears twice in the catalog");
    }
    present(row.name(), "name", problems);
    present(row.type(), "type", problems);
    present(row.metal(), "metal", problems);
    if (row.photos().isEmpty()) {
      problems.add("no photos; list at least one, e.g. ring-front.jpg@front");
    }
    for (PhotoReference photo : row.photos()) {
      if (photo.reference().isEmpty()) {
        problems.add("a photo without a path or key: '" + photo + "'");
      }
    }
    Optional<ShootPolicy.Approval> approval = Optional.empty();
    try {
      approval = approval(row.policy());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    ProductSpec product =
        new ProductSpec(
            row.sku(),
            row.name(),
            row.type(),
            row.metal(),
            row.stones(),
            row.setting(),
            row.engraving());
    ShootOverrides overrides =
        RowOverrides.check(row.channels(), row.providers(), row.variants(), problems);
    return new ManifestEntry(row.line(), product, row.photos(), approval, problems, overrides);
  }

  private static void present(String value, String field, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add("the " + field + " is missing");
    }
  }

  /** Parses {@code auto} or {@code manual}; empty means "not said". */
  private static Optional<ShootPolicy.Approval> approval(String text) {
    return text == null || text.isBlank() ? Optional.empty() : Optional.of(parseApproval(text));
  }

  /**
   * @throws IllegalArgumentException for anything but {@code auto} or {@code manual}
   */
  public static ShootPolicy.Approval parseApproval(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "auto" -> ShootPolicy.Approval.AUTO;
      case "manual" -> ShootPolicy.Approval.MANUAL;
      default ->
          throw new IllegalArgumentException(
              "the policy '" + text.strip() + "' is neither auto nor manual");
    };
  }

  /**
   * Parses a number of candidates per shot, as a manifest's {@code variants} column and the
   * commands' option give it.
   *
   * @throws IllegalArgumentException for anything but a whole number from 1 to {@link
   *     ShootPolicy#MAX_VARIANTS}; its message says what is wanted, for the caller to say where
   */
  public static int parseVariants(String text) {
    try {
      int variants = Integer.parseInt(text.strip());
      if (variants >= 1 && variants <= ShootPolicy.MAX_VARIANTS) {
        return variants;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(
        "a number of candidates per shot from 1 to " + ShootPolicy.MAX_VARIANTS);
  }
}
