package dev.facet.model;

/**
 * One generated variant of one shot.
 *
 * @param id {@code r<round>-<shot>-v<variant>}, unique within a shoot
 * @param provider the generator name it was asked of, e.g. {@code studio}, {@code flux} or {@code
 *     flux:flux-pro-1.1}
 * @param model the model that made it, as the provider spells it; null for the studio renderer
 *     and in histories recorded before models were
 * @param attempts how many activity attempts it took
 * @param costUsd estimated provider cost of this image
 */
public record Candidate(
    String id,
    int round,
    String shot,
    int variant,
    String provider,
    String model,
    ImageRef image,
    int attempts,
    double costUsd) {

  public static String id(int round, String shot, int variant) {
    return "r" + round + "-" + shot + "-v" + variant;
  }
}
