package dev.facet.client;

/** The report of a catalog that is still running, or that ended without one. */
public class CatalogNotFinishedException extends RuntimeException {

  public CatalogNotFinishedException(String message) {
    super(message);
  }
}
