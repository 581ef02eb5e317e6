package dev.facet.steps;

import dev.facet.model.ChannelImage;
import dev.facet.model.ColourSignature;
import dev.facet.model.Reference;
import java.util.List;

public record QaRequest(
    List<Reference> references, ColourSignature signature, ChannelImage image) {}
