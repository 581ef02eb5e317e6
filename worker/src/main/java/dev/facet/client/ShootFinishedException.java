package dev.facet.client;

/** A decision for a shoot that is no longer running. */
public class ShootFinishedException extends RuntimeException {

  public ShootFinishedException(String sku, String status) {
    super(
        "The shoot for SKU "
            + sku
            + " has already finished ("
            + status
            + "), so it takes no more decisions. Start a new shoot to make the images again.");
  }
}
