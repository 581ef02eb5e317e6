package dev.facet.shoot;

/** Ends a shoot as failed from deep inside a step; the workflow method catches it. */
final class UnrecoverableShoot extends RuntimeException {

  UnrecoverableShoot(String message) {
    super(message, null, false, false);
  }
}
