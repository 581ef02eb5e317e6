package dev.facet.app.catalog;

import dev.facet.app.problem.ProblemException;
import dev.facet.app.shoot.Failures;
import org.springframework.http.HttpStatus;

/** The catalog exists but did not answer, typically because no worker is polling. */
public class CatalogUnavailableException extends ProblemException {

  public CatalogUnavailableException(String catalogId, Throwable cause) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Catalog unavailable",
        "The catalog '"
            + catalogId
            + "' did not answer ("
            + Failures.rootMessage(cause)
            + "). Check that a Facet worker is running.",
        cause);
  }
}
