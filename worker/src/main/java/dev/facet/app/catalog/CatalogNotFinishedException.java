package dev.facet.app.catalog;

import dev.facet.app.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The report of a catalog that is still running, or that ended without one. */
public class CatalogNotFinishedException extends ProblemException {

  public CatalogNotFinishedException(String message) {
    super(HttpStatus.CONFLICT, "No report yet", message);
  }
}
