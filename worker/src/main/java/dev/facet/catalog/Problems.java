package dev.facet.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a catalog file, so one attempt shows them all, in line order. */
final class Problems {

  private record Problem(int line, String text) {}

  private final List<Problem> problems = new ArrayList<>();

  void add(int line, String problem) {
    problems.add(new Problem(line, problem));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  void throwIfAny(Path file) {
    if (!problems.isEmpty()) {
      throw new CatalogException(
          file,
          problems.stream()
              .sorted(Comparator.comparingInt(Problem::line))
              .map(p -> "line " + p.line() + ": " + p.text())
              .toList());
    }
  }
}
