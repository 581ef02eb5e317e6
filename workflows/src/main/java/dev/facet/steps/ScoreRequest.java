package dev.facet.steps;

import dev.facet.model.Candidate;
import dev.facet.model.ColourSignature;
import dev.facet.model.Reference;
import java.util.List;

/**
 * @param keys where scoring keeps what it found in each candidate; null in histories recorded
 *     before it kept anything
 */
public record ScoreRequest(
    ShootKeys keys,
    List<Reference> references,
    ColourSignature signature,
    List<Candidate> candidates) {}
