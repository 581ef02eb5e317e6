package dev.facet.client;

/** No catalog was ever started under the id (or its history has been deleted). */
public class CatalogNotFoundException extends RuntimeException {

  public CatalogNotFoundException(String catalogId) {
    super(
        "There is no catalog '"
            + catalogId
            + "'. Start one with POST /api/catalogs (a multipart 'manifest' file).");
  }
}
