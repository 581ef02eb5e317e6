package dev.facet.imaging;

/**
 * Colour under a photo's own white point. A seller's backdrop is rarely neutral (beige paper, a
 * warm bulb): the metal in the photo is lit by the same light and mirrors the same paper, so its
 * colour is judged after taking out most of the cast the backdrop shows there. Not all of it:
 * coloured paper is partly the paper's own colour, not the light's.
 */
public final class WhitePoint {

  /**
   * How much of the backdrop's cast is removed, 0..1. 0.7 brings the fixture captures' metal
   * closest to their studio photos' (WhitePointTest prints the ΔE per piece at 0, 0.5, 0.7 and 1).
   */
  public static final double ADAPTATION = 0.7;

  private WhitePoint() {}

  /**
   * Per-channel linear gains that remove {@link #ADAPTATION} of the cast of {@code backdrop}
   * (linear RGB), luminance unchanged: {@code (Y / backdrop_c)^ADAPTATION}, normalised.
   */
  public static double[] gains(double[] backdrop) {
    return gains(backdrop, ADAPTATION);
  }

  static double[] gains(double[] backdrop, double adaptation) {
    double y = Math.max(1e-6, ColourScience.luminance(backdrop[0], backdrop[1], backdrop[2]));
    double[] g = new double[3];
    for (int c = 0; c < 3; c++) g[c] = Math.pow(Math.max(1e-4, backdrop[c] / y), -adaptation);
    double norm = ColourScience.luminance(g[0], g[1], g[2]);
    for (int c = 0; c < 3; c++) g[c] /= norm;
    return g;
  }
}
