package dev.facet.imaging;

/**
 * Finds text, logos and watermarks on the background, without OCR. Lettering is thin, high contrast
 * strokes; a clean background holds only flat colour and soft, wide shadows. So the background away
 * from the product is band-passed (luminance minus its blur at {@link #SIGMA} pixels), pixels
 * standing out by more than {@link #STROKE_CONTRAST} levels are stroke candidates, and clusters too
 * small to be a glyph (JPEG ringing, dust) are dropped. The measure is the share of background
 * pixels on strokes, per thousand.
 */
public final class TextDetector {

  /** The analysis runs with the image's longest side at this many pixels. */
  static final int WORKING_SIDE = 1024;

  private static final double SIGMA = 3.0;

  /** Levels (0..255 luminance) by which a stroke stands out of its surroundings. */
  private static final double STROKE_CONTRAST = 10;

  /** Stroke clusters smaller than this many pixels (at the working size) are specks, not glyphs. */
  private static final int MIN_CLUSTER = 12;

  private TextDetector() {}

  /**
   * @param image the finished image
   * @param product the product mask, any size (it is resized to the working size)
   * @param clearance how far from the product the background starts, as a share of the short side
   *     (shadows and reflections live closer)
   */
  public static double strokesPerMille(RgbImage image, Mask product, double clearance) {
    RgbImage work = Resampler.fitWithin(image, WORKING_SIDE);
    int w = work.width(), h = work.height();
    Mask mask = product.resized(w, h);
    float[] d2 = Morphology.squaredDistanceTo(mask, true);
    double reach = clearance * Math.min(w, h);
    Plane luma = Plane.luma(work);
    float[] blurred = luma.gaussian(SIGMA).v;
    boolean[] stroke = new boolean[w * h];
    long background = 0;
    for (int i = 0; i < stroke.length; i++) {
      if (d2[i] <= reach * reach) continue;
      background++;
      stroke[i] = Math.abs(luma.v[i] - blurred[i]) > STROKE_CONTRAST;
    }
    Morphology.Components clusters = Morphology.components(new Mask(w, h, stroke));
    long strokes = 0;
    for (int l = 1; l <= clusters.count(); l++) {
      if (clusters.sizes()[l] >= MIN_CLUSTER) strokes += clusters.sizes()[l];
    }
    return background == 0 ? 0 : 1000.0 * strokes / background;
  }
}
