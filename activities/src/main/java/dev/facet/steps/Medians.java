package dev.facet.steps;

import dev.facet.model.Lab;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Medians over the references: robust to one odd photo among several. */
final class Medians {

  private Medians() {}

  /** The median, the mean of the middle two for an even count, 0 for none. */
  static double of(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** Per-component median. */
  static Lab of(List<Lab> labs) {
    return new Lab(component(labs, Lab::l), component(labs, Lab::a), component(labs, Lab::b));
  }

  private static double component(List<Lab> labs, ToDoubleFunction<Lab> component) {
    return of(labs.stream().mapToDouble(component).toArray());
  }
}
