package dev.facet.steps;

import dev.facet.model.ProductSpec;
import dev.facet.model.ShotSpec;
import dev.facet.model.StyleGuide;
import java.util.List;

/**
 * @param shots the shots to write prompts for (all of them in round 1, the redone ones later)
 * @param feedback the reviewer's notes from the rejected round, or empty
 */
public record PromptRequest(
    ProductSpec product, StyleGuide style, List<ShotSpec> shots, String feedback) {}
