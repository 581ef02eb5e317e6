package dev.facet.app.catalog;

import dev.facet.app.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The catalog refused a pause, resume or cancel, e.g. a resume while it is not paused. */
public class CatalogChangeRefusedException extends ProblemException {

  public CatalogChangeRefusedException(String catalogId, String change, String reason) {
    super(
        HttpStatus.CONFLICT,
        "Change refused",
        "The catalog '" + catalogId + "' cannot " + change + ": " + reason + ".");
  }
}
