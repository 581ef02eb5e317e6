package dev.facet.app.catalog;

import dev.facet.app.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A catalog start or change that cannot be, as it stands: a bad id, policy or window. */
public class InvalidCatalogRequestException extends ProblemException {

  public InvalidCatalogRequestException(String message) {
    super(HttpStatus.BAD_REQUEST, "Invalid request", message);
  }
}
