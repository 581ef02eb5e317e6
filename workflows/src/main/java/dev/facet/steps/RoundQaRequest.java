package dev.facet.steps;

import dev.facet.model.ChannelImage;
import dev.facet.model.ColourSignature;
import dev.facet.model.Reference;
import java.util.List;

/** A round's finished images, one per shot and channel, to inspect against the same references. */
public record RoundQaRequest(
    List<Reference> references, ColourSignature signature, List<ChannelImage> images) {

  public RoundQaRequest {
    references = List.copyOf(references);
    images = List.copyOf(images);
  }

  /** The request for one of its images. */
  public QaRequest forImage(ChannelImage image) {
    return new QaRequest(references, signature, image);
  }
}
