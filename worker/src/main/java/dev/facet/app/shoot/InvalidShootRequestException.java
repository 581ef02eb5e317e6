package dev.facet.app.shoot;

import dev.facet.app.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The request cannot be a shoot as it stands: a missing product, a bad SKU, no photos. */
public class InvalidShootRequestException extends ProblemException {

  public InvalidShootRequestException(String message) {
    super(HttpStatus.BAD_REQUEST, "Invalid request", message);
  }
}
