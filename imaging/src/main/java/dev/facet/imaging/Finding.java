package dev.facet.imaging;

/**
 * One thing wrong with a photo, in words a seller can act on.
 *
 * @param problem what kind of problem
 * @param message what was found and what to do about it
 */
public record Finding(Problem problem, String message) {

  public boolean isError() {
    return problem.severity() == Severity.ERROR;
  }

  public enum Severity {
    /** The photo cannot be used. */
    ERROR,
    /** Usable, but the results will be worse than they could be. */
    WARNING
  }

  public enum Problem {
    EMPTY(Severity.ERROR),
    NOT_AN_IMAGE(Severity.ERROR),
    UNSUPPORTED_FORMAT(Severity.ERROR),
    CORRUPT(Severity.ERROR),
    TOO_LARGE(Severity.ERROR),
    TOO_SMALL(Severity.ERROR),
    BLURRED(Severity.ERROR),
    SOFT(Severity.WARNING),
    UNDER_EXPOSED(Severity.ERROR),
    DARK(Severity.WARNING),
    OVER_EXPOSED(Severity.ERROR),
    BRIGHT(Severity.WARNING),
    LOW_CONTRAST(Severity.WARNING),
    NO_PRODUCT(Severity.ERROR),
    PRODUCT_CUT_OFF(Severity.WARNING),
    PRODUCT_SMALL(Severity.WARNING);

    private final Severity severity;

    Problem(Severity severity) {
      this.severity = severity;
    }

    public Severity severity() {
      return severity;
    }
  }
}
