package dev.facet.model;

/**
 * One generated variant of one shot.
 *
 * @param id {@code r<round>-<shot>-v<variant>}, unique within a shoot
 * @param provider which generator made it, e.g. "studio"
 * @param attempts how many activity attempts it took
 * @param costUsd estimated provider cost of this image
 */
public record Candidate(
    String id,
    int round,
    String shot,
    int variant,
    String provider,
    ImageRef image,
    int attempts,
    double costUsd) {

  public static String id(int round, String shot, int variant) {
    return "r" + round + "-" + shot + "-v" + variant;
  }
}
