package dev.facet.routing;

import dev.facet.model.ProductSpec;
import java.util.Locale;

/**
 * The category a product is measured and routed under: its kind of piece and whether it carries
 * stones, e.g. {@code ring/stone-heavy} or {@code bracelet/metal-only}. Providers differ most on
 * exactly these lines (stones are where reference fidelity breaks first).
 */
public final class ProductCategory {

  public static final String STONE_HEAVY = "stone-heavy";
  public static final String METAL_ONLY = "metal-only";

  private ProductCategory() {}

  public static String of(ProductSpec product) {
    return kind(product.type()) + "/" + (product.stones().isEmpty() ? METAL_ONLY : STONE_HEAVY);
  }

  /** The seller's free-text type folded onto ring, necklace, earrings, bracelet or other. */
  static String kind(String type) {
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (t.contains("ring") && !t.contains("earring")) {
      return "ring";
    }
    if (t.contains("earring") || t.contains("stud") || t.contains("hoop")) {
      return "earrings";
    }
    if (t.contains("necklace") || t.contains("pendant") || t.contains("chain")) {
      return "necklace";
    }
    if (t.contains("bracelet") || t.contains("bangle") || t.contains("cuff")) {
      return "bracelet";
    }
    return "other";
  }

  /** The kind alone, e.g. {@code ring} of {@code ring/stone-heavy}. */
  public static String kindOf(String category) {
    int slash = category.indexOf('/');
    return slash < 0 ? category : category.substring(0, slash);
  }
}
