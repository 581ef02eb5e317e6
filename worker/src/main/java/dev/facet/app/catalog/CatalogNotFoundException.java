package dev.facet.app.catalog;

import dev.facet.app.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No catalog was ever started under the id (or its history has been deleted). */
public class CatalogNotFoundException extends ProblemException {

  public CatalogNotFoundException(String catalogId) {
    super(
        HttpStatus.NOT_FOUND,
        "No such catalog",
        "There is no catalog '"
            + catalogId
            + "'. Start one with POST /api/catalogs (a multipart 'manifest' file).");
  }
}
