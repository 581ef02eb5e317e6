package dev.facet.app.shoot;

import dev.facet.app.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The shoot exists but did not answer, typically because no worker is polling. */
public class ShootUnavailableException extends ProblemException {

  public ShootUnavailableException(String sku, Throwable cause) {
    super(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Shoot unavailable",
        "The shoot for SKU "
            + sku
            + " did not answer ("
            + Failures.rootMessage(cause)
            + "). Check that a Facet worker is running.",
        cause);
  }
}
