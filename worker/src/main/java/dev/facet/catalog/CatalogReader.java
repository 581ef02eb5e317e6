package dev.facet.catalog;

import dev.facet.client.Sku;
import dev.facet.model.ProductSpec;
import dev.facet.shoot.ShootPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a catalog file ({@code .csv} or {@code .json}) and applies the rules every product must
 * meet: the required fields, a valid and unique SKU, at least one photo that exists (paths are
 * relative to the catalog file), and a known policy. Every problem is reported with its line.
 */
public final class CatalogReader {

  private CatalogReader() {}

  /**
   * @throws CatalogException listing every problem with its line
   * @throws UncheckedIOException when the file cannot be read
   */
  public static Catalog read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the catalog " + file, e);
    }
    Problems problems = new Problems();
    String name = file.getFileName().toString();
    String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    Optional<String> id;
    String catalogPolicy;
    List<CatalogRow> rows;
    if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
      JsonCatalogParser.Parsed parsed = JsonCatalogParser.parse(text, problems);
      id = parsed.id();
      catalogPolicy = parsed.policy();
      rows = parsed.rows();
    } else if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
      id = Optional.empty();
      catalogPolicy = "";
      rows = CsvCatalogParser.parse(text, problems);
    } else {
      throw new CatalogException(file, List.of("a catalog is a .csv or a .json file"));
    }
    Path folder = file.toAbsolutePath().getParent();
    Optional<ShootPolicy.Approval> defaultApproval = approval(catalogPolicy, 1, problems);
    List<CatalogProduct> products = new ArrayList<>();
    Set<String> skus = new HashSet<>();
    for (CatalogRow row : rows) {
      product(row, folder, defaultApproval, skus, problems).ifPresent(products::add);
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(1, "the catalog has no products");
    }
    problems.throwIfAny(file);
    return new Catalog(id.filter(s -> !s.isBlank()).orElse(stem), file.toAbsolutePath(), products);
  }

  private static Optional<CatalogProduct> product(
      CatalogRow row,
      Path folder,
      Optional<ShootPolicy.Approval> defaultApproval,
      Set<String> skus,
      Problems problems) {
    int line = row.line();
    boolean ok = true;
    if (!Sku.isValid(row.sku())) {
      problems.add(line, Sku.describeInvalid(row.sku()));
      ok = false;
    } else if (!skus.add(row.sku())) {
      problems.add(line, "the SKU " + row.sku() + " appears twice in the catalog");
      ok = false;
    }
    ok &= present(row.name(), "name", line, problems);
    ok &= present(row.type(), "type", line, problems);
    ok &= present(row.metal(), "metal", line, problems);
    List<PhotoSource> photos = new ArrayList<>();
    if (row.photos().isEmpty()) {
      problems.add(line, "no photos; list at least one, e.g. ring-front.jpg@front");
      ok = false;
    }
    for (PhotoSource photo : row.photos()) {
      Path path = folder.resolve(photo.path()).normalize();
      if (photo.path().toString().isBlank() || !Files.isRegularFile(path)) {
        problems.add(line, "photo '" + photo.path() + "' not found (looked for " + path + ")");
        ok = false;
      } else {
        photos.add(new PhotoSource(path, photo.angle()));
      }
    }
    Optional<ShootPolicy.Approval> approval = approval(row.policy(), line, problems);
    if (!ok) {
      return Optional.empty();
    }
    ProductSpec spec =
        new ProductSpec(
            row.sku(),
            row.name(),
            row.type(),
            row.metal(),
            row.stones(),
            row.setting(),
            row.engraving());
    return Optional.of(new CatalogProduct(line, spec, photos, approval.or(() -> defaultApproval)));
  }

  private static boolean present(String value, String field, int line, Problems problems) {
    if (value == null || value.isBlank()) {
      problems.add(line, "the " + field + " is missing");
      return false;
    }
    return true;
  }

  /** Parses {@code auto} or {@code manual}; empty means "not said". */
  static Optional<ShootPolicy.Approval> approval(String text, int line, Problems problems) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parseApproval(text));
    } catch (IllegalArgumentException e) {
      problems.add(line, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * @throws IllegalArgumentException for anything but {@code auto} or {@code manual}
   */
  public static ShootPolicy.Approval parseApproval(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "auto" -> ShootPolicy.Approval.AUTO;
      case "manual" -> ShootPolicy.Approval.MANUAL;
      default -> throw new IllegalArgumentException(
          "the policy '" + text.strip() + "' is neither auto nor manual");
    };
  }
}
