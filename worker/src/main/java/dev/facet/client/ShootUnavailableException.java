package dev.facet.client;

/** The shoot exists but did not answer, typically because no worker is polling. */
public class ShootUnavailableException extends RuntimeException {

  public ShootUnavailableException(String sku, Throwable cause) {
    super(
        "The shoot for SKU "
            + sku
            + " did not answer ("
            + Failures.rootMessage(cause)
            + "). Check that a Facet worker is running.",
        cause);
  }
}
