package dev.facet.client;

/** A catalog start or change that cannot be, as it stands: a bad id, policy or window. */
public class InvalidCatalogRequestException extends RuntimeException {

  public InvalidCatalogRequestException(String message) {
    super(message);
  }
}
