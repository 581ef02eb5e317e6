package dev.facet.steps;

import dev.facet.model.ColourSignature;
import dev.facet.model.Reference;
import java.util.List;

public record CaptureResult(List<Reference> references, ColourSignature signature) {}
