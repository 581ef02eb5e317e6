package dev.facet.steps;

import dev.facet.model.ColourSignature;
import dev.facet.model.ImageRef;
import dev.facet.model.Reference;
import dev.facet.model.ShotPrompt;
import dev.facet.model.ShotSpec;
import dev.facet.model.StyleGuide;
import java.util.List;

/**
 * One variant to generate.
 *
 * @param references the product's captured photos
 * @param styleReference the collection's approved hero image, or {@code null}; a generator that
 *     takes extra images is shown it so the product is shot like the rest of the set
 */
public record GenerateRequest(
    ShootKeys keys,
    int round,
    ShotSpec shot,
    int variant,
    ShotPrompt prompt,
    List<Reference> references,
    ColourSignature signature,
    StyleGuide style,
    String provider,
    ImageRef styleReference) {

  /** A variant without a style reference. */
  public GenerateRequest(
      ShootKeys keys,
      int round,
      ShotSpec shot,
      int variant,
      ShotPrompt prompt,
      List<Reference> references,
      ColourSignature signature,
      StyleGuide style,
      String provider) {
    this(keys, round, shot, variant, prompt, references, signature, style, provider, null);
  }
}
