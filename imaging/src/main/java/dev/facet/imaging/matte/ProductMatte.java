package dev.facet.imaging.matte;

import dev.facet.imaging.BackdropModel;
import dev.facet.imaging.ColourScience;
import dev.facet.imaging.Mask;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Box;
import java.util.Optional;

/**
 * A product cut out of its photo: per pixel, how much of it is product (its alpha, soft at the
 * outline) and the product's own colour there (with the backdrop unmixed from edge pixels), plus
 * the backdrop it was found against.
 *
 * <p>Both are kept at 8 bits, as a cut-out is stored (an RGBA PNG): {@code coverage} is alpha × 255
 * rounded, {@code colour} packed sRGB. A 3000 px matte is then 45 MB, not the 144 MB of floats it
 * was, and a stored cut-out reads back exactly as it was found.
 */
public record ProductMatte(
    int width, int height, byte[] coverage, int[] colour, BackdropModel backdrop) {

  /** The 8-bit coverage of an alpha (clamped to 0..1). */
  public static byte coverage(float alpha) {
    return (byte) Math.round(Math.max(0, Math.min(1, alpha)) * 255);
  }

  /** How much of pixel {@code i} is product, 0..1. */
  public float alpha(int i) {
    return (coverage[i] & 0xFF) / 255f;
  }

  /** The product's own colour at pixel {@code i}, packed sRGB (meaningless where alpha is 0). */
  public int colour(int i) {
    return colour[i];
  }

  /** Pixels that are at least half product. */
  public Mask mask() {
    boolean[] bits = new boolean[coverage.length];
    for (int i = 0; i < bits.length; i++) bits[i] = (coverage[i] & 0xFF) >= HALF;
    return new Mask(width, height, bits);
  }

  /** Coverage of alpha 0.5, rounded as {@link #coverage(float)} rounds it. */
  private static final int HALF = 128;

  public Optional<Box> box() {
    return mask().box();
  }

  public boolean isEmpty() {
    for (byte c : coverage) if ((c & 0xFF) >= HALF) return false;
    return true;
  }

  /** The cut-out composited over a flat {@code background} colour, in linear light. */
  public RgbImage over(int background) {
    float br = ColourScience.linear(RgbImage.red(background));
    float bg = ColourScience.linear(RgbImage.green(background));
    float bb = ColourScience.linear(RgbImage.blue(background));
    int[] px = new int[coverage.length];
    for (int i = 0; i < px.length; i++) {
      float a = alpha(i);
      int c = colour[i];
      px[i] =
          ColourScience.packLinear(
              a * ColourScience.linear(RgbImage.red(c)) + (1 - a) * br,
              a * ColourScience.linear(RgbImage.green(c)) + (1 - a) * bg,
              a * ColourScience.linear(RgbImage.blue(c)) + (1 - a) * bb);
    }
    return new RgbImage(width, height, px);
  }
}
