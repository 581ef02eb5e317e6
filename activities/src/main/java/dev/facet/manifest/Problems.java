package dev.facet.manifest;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a manifest as a whole (its syntax, its header), with lines. */
final class Problems {

  private final List<Problem> problems = new ArrayList<>();

  void add(int line, String problem) {
    problems.add(new Problem(line, problem));
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  List<Problem> list() {
    return List.copyOf(problems);
  }
}
