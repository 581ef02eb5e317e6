package dev.facet.model;

import java.util.List;

/**
 * One automated check with its evidence.
 *
 * @param name e.g. "metal-tone"
 * @param value what was measured
 * @param threshold the bar it is compared against
 * @param comparator "<=" or ">=": how {@code value} must relate to {@code threshold}
 * @param passed whether it did
 * @param blocking whether a failure stops automatic approval
 * @param detail the measurement in words, for reviewers
 * @param regions where in the image the evidence is (what is missing, added or left behind), in the
 *     image's pixels; empty when the check is about the whole image (and in histories recorded
 *     before checks had regions)
 */
public record QaCheck(
    String name,
    double value,
    double threshold,
    String comparator,
    boolean passed,
    boolean blocking,
    String detail,
    List<Box> regions) {

  public QaCheck {
    regions = regions == null ? List.of() : List.copyOf(regions);
  }

  /** A check about the whole image. */
  public QaCheck(
      String name,
      double value,
      double threshold,
      String comparator,
      boolean passed,
      boolean blocking,
      String detail) {
    this(name, value, threshold, comparator, passed, blocking, detail, List.of());
  }
}
