package dev.facet.imaging;

import dev.facet.model.Lab;

/**
 * How far a metal's tone is from the signature: ΔE2000 with the lightness difference left out.
 * Lightness follows exposure, a photographic choice (a studio shot is brighter than a phone photo
 * on grey paper); what makes yellow gold yellow, rose gold pink and white gold white is its hue and
 * chroma, and a yellow → rose swap moves those by 10+ units.
 */
public final class MetalTone {

  private MetalTone() {}

  public static double deltaE(Lab measured, Lab signature) {
    return ColourScience.deltaE2000(new Lab(signature.l(), measured.a(), measured.b()), signature);
  }
}
