package dev.facet.client;

/** The catalog exists but did not answer, typically because no worker is polling. */
public class CatalogUnavailableException extends RuntimeException {

  public CatalogUnavailableException(String catalogId, Throwable cause) {
    super(
        "The catalog '"
            + catalogId
            + "' did not answer ("
            + Failures.rootMessage(cause)
            + "). Check that a Facet worker is running.",
        cause);
  }
}
