package dev.facet.model;

import java.util.List;

/** The automated checks of one finished image. */
public record QaReport(String shot, String channel, ImageRef image, List<QaCheck> checks) {

  public QaReport {
    checks = List.copyOf(checks);
  }

  /** True when no blocking check failed. */
  public boolean passed() {
    return checks.stream().allMatch(c -> c.passed() || !c.blocking());
  }
}
