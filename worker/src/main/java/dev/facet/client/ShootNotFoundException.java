package dev.facet.client;

/** No shoot was ever started for the SKU (or its history has been deleted). */
public class ShootNotFoundException extends RuntimeException {

  public ShootNotFoundException(String sku) {
    super("There is no shoot for SKU " + sku + ". Start one with POST /api/shoots.");
  }
}
