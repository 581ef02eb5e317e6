package dev.facet.steps;

import dev.facet.model.Candidate;
import dev.facet.model.ColourSignature;

public record PostProcessRequest(
    ShootKeys keys, Candidate candidate, ColourSignature signature, String channel) {}
