package dev.facet.client;

/** The request cannot be a shoot as it stands: a missing product, a bad SKU, no photos. */
public class InvalidShootRequestException extends RuntimeException {

  public InvalidShootRequestException(String message) {
    super(message);
  }
}
