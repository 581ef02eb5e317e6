package dev.facet.model;

/**
 * One generated variant of one shot.
 *
 * @param id {@code r<round>-<shot>-v<variant>}, unique within a shoot
 * @param provider the generator name it was asked of, e.g. {@code studio}, {@code flux} or {@code
 *     flux:flux-pro-1.1}
 * @param model the model that made it, as the provider spells it; null for the studio renderer
 *     and in histories recorded before models were
 * @param cutout the product cut out of the image (RGBA PNG: its own colour and alpha), when the
 *     generator knows it exactly (the studio renderer); null for generated images, which are cut
 *     out by post-processing, and in histories recorded before cut-outs were
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
    ImageRef cutout,
    int attempts,
    double costUsd) {

  public static String id(int round, String shot, int variant) {
    return "r" + round + "-" + shot + "-v" + variant;
  }
}
