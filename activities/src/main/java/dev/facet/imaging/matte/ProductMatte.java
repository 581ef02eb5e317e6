package dev.facet.imaging.matte;

import dev.facet.imaging.BackdropModel;
import dev.facet.imaging.ColourScience;
import dev.facet.imaging.Mask;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Box;
import java.util.Optional;

/**
 * A product cut out of its photo: per pixel, how much of it is product ({@code alpha}, 0..1, soft
 * at the outline) and the product's own colour there ({@code foreground}, linear RGB interleaved,
 * with the backdrop unmixed from edge pixels), plus the backdrop it was found against.
 */
public record ProductMatte(
    int width, int height, float[] alpha, float[] foreground, BackdropModel backdrop) {

  /** Pixels that are at least half product. */
  public Mask mask() {
    boolean[] bits = new boolean[alpha.length];
    for (int i = 0; i < bits.length; i++) bits[i] = alpha[i] >= 0.5f;
    return new Mask(width, height, bits);
  }

  public Optional<Box> box() {
    return mask().box();
  }

  public boolean isEmpty() {
    for (float a : alpha) if (a >= 0.5f) return false;
    return true;
  }

  /** The cut-out composited over a flat {@code background} colour, in linear light. */
  public RgbImage over(int background) {
    float br = ColourScience.linear(RgbImage.red(background));
    float bg = ColourScience.linear(RgbImage.green(background));
    float bb = ColourScience.linear(RgbImage.blue(background));
    int[] px = new int[alpha.length];
    for (int i = 0; i < px.length; i++) {
      float a = alpha[i];
      px[i] =
          ColourScience.packLinear(
              a * foreground[3 * i] + (1 - a) * br,
              a * foreground[3 * i + 1] + (1 - a) * bg,
              a * foreground[3 * i + 2] + (1 - a) * bb);
    }
    return new RgbImage(width, height, px);
  }
}
