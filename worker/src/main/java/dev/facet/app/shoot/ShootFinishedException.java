package dev.facet.app.shoot;

import dev.facet.app.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** A decision for a shoot that is no longer running. */
public class ShootFinishedException extends ProblemException {

  public ShootFinishedException(String sku, String status) {
    super(
        HttpStatus.CONFLICT,
        "Shoot already finished",
        "The shoot for SKU "
            + sku
            + " has already finished ("
            + status
            + "), so it takes no more decisions. Start a new shoot to make the images again.");
  }
}
