package dev.facet.steps;

import dev.facet.model.Candidate;
import dev.facet.model.ColourSignature;
import dev.facet.model.Reference;
import java.util.List;

public record ScoreRequest(
    List<Reference> references, ColourSignature signature, List<Candidate> candidates) {}
