package dev.facet.client;

/** The catalog has closed, so it takes no more changes and its id starts nothing new. */
public class CatalogFinishedException extends RuntimeException {

  public CatalogFinishedException(String catalogId, String status, String whatNow) {
    super("The catalog '" + catalogId + "' has already " + status + ". " + whatNow);
  }
}
