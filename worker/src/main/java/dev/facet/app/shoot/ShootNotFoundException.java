package dev.facet.app.shoot;

import dev.facet.app.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** No shoot was ever started for the SKU (or its history has been deleted). */
public class ShootNotFoundException extends ProblemException {

  public ShootNotFoundException(String sku) {
    super(
        HttpStatus.NOT_FOUND,
        "No such shoot",
        "There is no shoot for SKU " + sku + ". Start one with POST /api/shoots.");
  }
}
