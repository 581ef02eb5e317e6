package dev.facet.steps;

import dev.facet.model.Candidate;
import dev.facet.model.ColourSignature;
import dev.facet.model.ImageRef;

/**
 * @param analysis what scoring found in the candidate ({@link dev.facet.model.Score#analysis()});
 *     null when there is none, and the candidate is then analysed again
 */
public record PostProcessRequest(
    ShootKeys keys,
    Candidate candidate,
    ImageRef analysis,
    ColourSignature signature,
    String channel) {}
