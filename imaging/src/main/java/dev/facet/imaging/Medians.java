package dev.facet.imaging;

import dev.facet.model.ColourSignature;
import dev.facet.model.Lab;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/** Medians over the references: robust to one odd photo among several. */
public final class Medians {

  private Medians() {}

  /** The median, the mean of the middle two for an even count, 0 for none. */
  public static double of(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Per-component median. */
  public static Lab of(List<Lab> labs) {
    return new Lab(component(labs, Lab::l), component(labs, Lab::a), component(labs, Lab::b));
  }

  /**
   * The colours every output is compared against. Metal: the per-component median over the
   * references. Stone: the same over the references that show stone-like colour (null entries are
   * references that show none), when at least half do; otherwise the piece counts as metal-only.
   */
  public static ColourSignature signature(List<Lab> metals, List<Lab> stones) {
    List<Lab> seen = stones.stream().filter(Objects::nonNull).toList();
    Lab stone = seen.size() * 2 >= stones.size() && !seen.isEmpty() ? of(seen) : null;
    return new ColourSignature(of(metals), stone);
  }

  private static double component(List<Lab> labs, ToDoubleFunction<Lab> component) {
    return of(labs.stream().mapToDouble(component).toArray());
  }
}
