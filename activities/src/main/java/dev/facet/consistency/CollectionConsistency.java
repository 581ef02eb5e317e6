package dev.facet.consistency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * How alike a finished collection looks: the median and spread of backdrop value, light temperature
 * and product scale, with the products that stray from the median flagged for a re-shoot.
 *
 * @param products how many looks were compared
 * @param backdropLightness spread of backdrop L*
 * @param backdropKelvin spread of backdrop colour temperature
 * @param productScale spread of product scale
 * @param outliers the products to re-shoot, each with its reasons
 */
public record CollectionConsistency(
    int products,
    Spread backdropLightness,
    Spread backdropKelvin,
    Spread productScale,
    List<Outlier> outliers) {

  /**
   * How far from the median a product may be before it stands out in the set. Defaults: 2 L* (a
   * just visible step in a white backdrop), 300 K, and 5 % of the frame.
   */
  public record Tolerances(double lightness, double kelvin, double scale) {

    public static Tolerances defaults() {
      return new Tolerances(2.0, 300, 0.05);
    }
  }

  /** Minimum, median and maximum of one measure across the collection. */
  public record Spread(double min, double median, double max) {}

  /** A product that does not look like the rest, and why. */
  public record Outlier(String sku, String image, List<String> reasons) {}

  public static CollectionConsistency of(List<Look> looks, Tolerances tolerances) {
    Spread lightness = spread(looks, Look::backdropLightness);
    Spread kelvin = spread(looks, Look::backdropKelvin);
    Spread scale = spread(looks, Look::productScale);
    List<Outlier> outliers = new ArrayList<>();
    for (Look look : looks) {
      List<String> reasons = new ArrayList<>();
      check(
          reasons,
          "backdrop L*",
          look.backdropLightness(),
          lightness,
          tolerances.lightness(),
          "%.1f");
      check(
          reasons,
          "backdrop colour temperature",
          look.backdropKelvin(),
          kelvin,
          tolerances.kelvin(),
          "%.0f K");
      check(reasons, "product scale", look.productScale(), scale, tolerances.scale(), "%.2f");
      if (!reasons.isEmpty()) {
        outliers.add(new Outlier(look.sku(), look.image(), List.copyOf(reasons)));
      }
    }
    return new CollectionConsistency(looks.size(), lightness, kelvin, scale, List.copyOf(outliers));
  }

  private static void check(
      List<String> reasons,
      String what,
      double value,
      Spread spread,
      double tolerance,
      String format) {
    if (Math.abs(value - spread.median()) > tolerance) {
      reasons.add(
          what
              + " "
              + String.format(Locale.ROOT, format, value)
              + " vs the collection's "
              + String.format(Locale.ROOT, format, spread.median()));
    }
  }

  private static Spread spread(List<Look> looks, ToDoubleFunction<Look> measure) {
    double[] values = looks.stream().mapToDouble(measure).sorted().toArray();
    if (values.length == 0) {
      return new Spread(Double.NaN, Double.NaN, Double.NaN);
    }
    int mid = values.length / 2;
    double median = values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    return new Spread(values[0], median, values[values.length - 1]);
  }
}
