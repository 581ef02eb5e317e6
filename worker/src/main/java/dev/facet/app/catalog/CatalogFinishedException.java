package dev.facet.app.catalog;

import dev.facet.app.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The catalog has closed, so it takes no more changes and its id starts nothing new. */
public class CatalogFinishedException extends ProblemException {

  public CatalogFinishedException(String catalogId, String status, String whatNow) {
    super(
        HttpStatus.CONFLICT,
        "Catalog already finished",
        "The catalog '" + catalogId + "' has already " + status + ". " + whatNow);
  }
}
