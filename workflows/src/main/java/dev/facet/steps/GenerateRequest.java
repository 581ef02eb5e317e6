package dev.facet.steps;

import dev.facet.model.ColourSignature;
import dev.facet.model.Reference;
import dev.facet.model.ShotPrompt;
import dev.facet.model.ShotSpec;
import dev.facet.model.StyleGuide;
import java.util.List;

public record GenerateRequest(
    ShootKeys keys,
    int round,
    ShotSpec shot,
    int variant,
    ShotPrompt prompt,
    List<Reference> references,
    ColourSignature signature,
    StyleGuide style,
    String provider) {}
