package dev.facet.model;

import java.util.List;

/**
 * One generated variant of one shot.
 *
 * @param id {@code r<round>-<shot>-v<variant>}, unique within a shoot
 * @param provider the generator name it was asked of, e.g. {@code studio}, {@code flux} or {@code
 *     flux:flux-pro-1.1}
 * @param model the model that made it, as the provider spells it; null for the studio renderer and
 *     in histories recorded before models were
 * @param cutout the product cut out of the image (RGBA PNG: its own colour and alpha), when the
 *     generator knows it exactly (the studio renderer); null for generated images, which are cut
 *     out by post-processing, and in histories recorded before cut-outs were
 * @param attempts how many activity attempts it took
 * @param costUsd what the provider would bill for this variant: every charge of its generation, the
 *     lost ones included
 * @param charges those charges, the one that delivered last; null for a free generator and in
 *     histories recorded before the ledger had lines
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
    double costUsd,
    List<Charge> charges) {

  public Candidate {
    charges = charges == null ? null : List.copyOf(charges);
  }

  /** A candidate without ledger lines: a free generator's. */
  public Candidate(
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
    this(id, round, shot, variant, provider, model, image, cutout, attempts, costUsd, null);
  }

  public static String id(int round, String shot, int variant) {
    return "r" + round + "-" + shot + "-v" + variant;
  }
}
