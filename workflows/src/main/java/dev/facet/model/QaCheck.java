package dev.facet.model;

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
 */
public record QaCheck(
    String name,
    double value,
    double threshold,
    String comparator,
    boolean passed,
    boolean blocking,
    String detail) {}
