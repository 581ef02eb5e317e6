package dev.facet.manifest;

import java.util.Comparator;
import java.util.List;

/** A manifest that cannot be run as it is, with every problem found and its line. */
public class ManifestException extends RuntimeException {

  /** Whether the file as a whole is unreadable, or only some of its products break the rules. */
  public enum Kind {
    UNREADABLE,
    INVALID_PRODUCTS
  }

  private final Kind kind;
  private final List<String> problems;

  public ManifestException(String name, Kind kind, List<Problem> problems) {
    super(message(name, inLineOrder(problems)));
    this.kind = kind;
    this.problems = inLineOrder(problems);
  }

  /** Throws when there is any problem; {@code unreadable} tells which {@link Kind}. */
  public static void throwIfAny(String name, List<Problem> problems, boolean unreadable) {
    if (!problems.isEmpty()) {
      throw new ManifestException(
          name, unreadable ? Kind.UNREADABLE : Kind.INVALID_PRODUCTS, problems);
    }
  }

  public Kind kind() {
    return kind;
  }

  /** Each problem as {@code line N: what is wrong}, in line order. */
  public List<String> problems() {
    return problems;
  }

  private static List<String> inLineOrder(List<Problem> problems) {
    return problems.stream()
        .sorted(Comparator.comparingInt(Problem::line))
        .map(Problem::toString)
        .toList();
  }

  private static String message(String name, List<String> problems) {
    return name
        + (problems.size() == 1 ? " has a problem:" : " has " + problems.size() + " problems:")
        + "\n  "
        + String.join("\n  ", problems);
  }
}
