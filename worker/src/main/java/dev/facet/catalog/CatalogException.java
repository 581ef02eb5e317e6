package dev.facet.catalog;

import java.nio.file.Path;
import java.util.List;

/** A catalog file that cannot be shot as it is, with every problem found and its line. */
public class CatalogException extends RuntimeException {

  private final List<String> problems;

  CatalogException(Path file, List<String> problems) {
    super(
        file.getFileName()
            + (problems.size() == 1 ? " has a problem:" : " has " + problems.size() + " problems:")
            + "\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code line N: what is wrong}. */
  public List<String> problems() {
    return problems;
  }
}
