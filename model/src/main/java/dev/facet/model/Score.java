package dev.facet.model;

/**
 * How good a candidate is, 0..1 each.
 *
 * @param fidelity agreement with the references (metal colour, silhouette)
 * @param sharpness product sharpness relative to the references
 * @param total the ranking score
 * @param metalDeltaE ΔE2000 of the candidate's metal against the colour signature
 * @param analysis what scoring found in the candidate (a {@code ProductFinding}), for
 *     post-processing to go on from; null when no product was found, and in histories recorded
 *     before findings were stored
 */
public record Score(
    String candidateId,
    double fidelity,
    double sharpness,
    double total,
    double metalDeltaE,
    ImageRef analysis) {}
