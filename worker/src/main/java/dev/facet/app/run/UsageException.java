package dev.facet.app.run;

/** A command line Facet does not understand. */
public class UsageException extends RuntimeException {

  public UsageException(String message) {
    super(message);
  }
}
