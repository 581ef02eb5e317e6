package dev.facet.imaging;

/**
 * Unmixing edge pixels from a known background. An edge pixel is observed as
 * {@code I = αF + (1 − α)B}; where the backdrop B is known (from the {@link BackdropModel}) the
 * product's own colour is {@code F = (I − (1 − α)B) / α}. Without this, a piece cut from beige
 * paper keeps a beige fringe on white.
 */
final class Matting {

  /** α is floored here, so pixels that are almost all backdrop do not amplify its noise. */
  private static final double MIN_ALPHA = 0.15;

  private Matting() {}

  /** The foreground's linear value of one channel, never negative. */
  static double unmix(double observed, double backdrop, double alpha) {
    return Math.max(0, (observed - (1 - alpha) * backdrop) / Math.max(alpha, MIN_ALPHA));
  }
}
