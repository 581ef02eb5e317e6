package dev.facet.client;

/** The catalog refused a pause, resume or cancel, e.g. a resume while it is not paused. */
public class CatalogChangeRefusedException extends RuntimeException {

  public CatalogChangeRefusedException(String catalogId, String change, String reason) {
    super("The catalog '" + catalogId + "' cannot " + change + ": " + reason + ".");
  }
}
