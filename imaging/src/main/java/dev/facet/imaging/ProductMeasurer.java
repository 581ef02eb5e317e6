package dev.facet.imaging;

import dev.facet.model.Box;
import dev.facet.model.Lab;
import java.util.Arrays;

/**
 * Measures the product found in a photo: where it is, how much of the frame it fills, how sharp it
 * is, and the colour of its metal and stones.
 *
 * <p>Colours are read under the photo's own {@link WhitePoint} (most of the backdrop's cast taken
 * out, so a warm seller photo does not fail a faithful studio image) and after removing the light
 * fall-off the backdrop shows (vignetting, a hot spot): each pixel is divided by the backdrop's
 * relative illumination there, so a ring near a darkened corner reads the same as one in the
 * centre. The median is taken per sRGB channel.
 *
 * <p>Metal versus stone is a heuristic, not a detector: the metal is assumed to be the dominant
 * colour of the piece. Pixels whose a*b* lie far from the dominant colour (tolerance widening with
 * its chroma, because reflections desaturate metal) are stone-like: a sapphire in platinum,
 * emeralds in silver, diamonds in yellow gold. Diamonds in white metal have no colour of their own
 * and are counted as metal, so such pieces report no stone colour.
 */
public final class ProductMeasurer {

  /** Base a*b* distance from the dominant colour beyond which a pixel is stone-like. */
  private static final double STONE_DISTANCE = 10;

  /** Extra tolerance per unit of the dominant colour's chroma. */
  private static final double STONE_DISTANCE_PER_CHROMA = 0.2;

  /** Stone colour is reported when stone-like pixels make at least this share of the piece. */
  private static final double MIN_STONE_SHARE = 0.03;

  /**
   * @param box product bounding box
   * @param fill longest box side over the frame side it lies along
   * @param metal median metal colour
   * @param stone median stone colour, or {@code null} when the piece shows no stone-like colour
   * @param stoneShare share of the product's pixels that are stone-like
   * @param sharpness {@link Sharpness#ofProduct}
   */
  public record Measurements(
      Box box, double fill, Lab metal, Lab stone, double stoneShare, double sharpness) {}

  public Measurements measure(RgbImage photo, Mask mask, BackdropModel backdrop) {
    Box box = mask.box().orElseThrow(() -> new IllegalArgumentException("empty product mask"));
    // Boundary pixels blend product and backdrop; the colour is read inside.
    Mask inner = Morphology.erode(mask.crop(box), 1);
    if (inner.count() < 50) {
      inner = mask.crop(box);
    }
    int[] flattened = flattenedProductPixels(photo, inner, box, backdrop);
    boolean[] metal = dominantColour(flattened);
    int metalCount = 0;
    for (boolean m : metal) if (m) metalCount++;
    double stoneShare = 1 - (double) metalCount / flattened.length;
    Lab metalLab = medianColour(flattened, metal, true);
    Lab stoneLab = stoneShare >= MIN_STONE_SHARE ? medianColour(flattened, metal, false) : null;
    return new Measurements(
        box,
        Mask.fill(box, photo.width(), photo.height()),
        metalLab,
        stoneLab,
        stoneShare,
        Sharpness.ofProduct(photo, mask));
  }

  /**
   * Product pixels of {@code mask} (covering {@code box} of the photo) under the photo's own white
   * point and with the backdrop's light fall-off divided out, as packed sRGB.
   */
  static int[] flattenedProductPixels(RgbImage photo, Mask mask, Box box, BackdropModel backdrop) {
    int w = photo.width();
    int[] out = new int[mask.count()];
    boolean[] bits = mask.bits();
    int[] px = photo.pixels();
    float[] r = new float[w], g = new float[w], b = new float[w];
    double peak = backdrop.peakLuminance();
    // One white point for the piece: the backdrop's colour where it stands.
    double[] neutral =
        WhitePoint.gains(backdrop.linearAt(box.x() + box.width() / 2, box.y() + box.height() / 2));
    int j = 0;
    for (int my = 0; my < mask.height(); my++) {
      int y = box.y() + my;
      backdrop.logRow(y, r, g, b);
      for (int mx = 0; mx < mask.width(); mx++) {
        if (!bits[my * mask.width() + mx]) continue;
        int x = box.x() + mx;
        double illumination =
            ColourScience.luminance(Math.exp(r[x]), Math.exp(g[x]), Math.exp(b[x])) / peak;
        double light = 1 / Math.max(0.2, illumination);
        int p = px[y * w + x];
        out[j++] =
            ColourScience.packLinear(
                light * neutral[0] * ColourScience.linear(RgbImage.red(p)),
                light * neutral[1] * ColourScience.linear(RgbImage.green(p)),
                light * neutral[2] * ColourScience.linear(RgbImage.blue(p)));
      }
    }
    return out;
  }

  /** Flags the pixels near the piece's dominant a*b*, refining the estimate three times. */
  static boolean[] dominantColour(int[] pixels) {
    int n = pixels.length;
    float[] a = new float[n], b = new float[n];
    double[] lab = new double[3];
    for (int i = 0; i < n; i++) {
      int p = pixels[i];
      ColourScience.linearToLabFast(
          ColourScience.linear(RgbImage.red(p)),
          ColourScience.linear(RgbImage.green(p)),
          ColourScience.linear(RgbImage.blue(p)),
          lab);
      a[i] = (float) lab[1];
      b[i] = (float) lab[2];
    }
    boolean[] member = new boolean[n];
    Arrays.fill(member, true);
    for (int round = 0; round < 3; round++) {
      double ca = median(a, member), cb = median(b, member);
      double tolerance = STONE_DISTANCE + STONE_DISTANCE_PER_CHROMA * Math.hypot(ca, cb);
      for (int i = 0; i < n; i++) member[i] = Math.hypot(a[i] - ca, b[i] - cb) <= tolerance;
    }
    return member;
  }

  /** Per-channel median sRGB of the pixels whose flag equals {@code which}, as Lab. */
  static Lab medianColour(int[] pixels, boolean[] flags, boolean which) {
    int[][] histogram = new int[3][256];
    int n = 0;
    for (int i = 0; i < pixels.length; i++) {
      if (flags[i] != which) continue;
      int p = pixels[i];
      histogram[0][RgbImage.red(p)]++;
      histogram[1][RgbImage.green(p)]++;
      histogram[2][RgbImage.blue(p)]++;
      n++;
    }
    if (n == 0) {
      return null;
    }
    int[] median = new int[3];
    for (int c = 0; c < 3; c++) {
      int seen = 0;
      for (int v = 0; v < 256; v++) {
        seen += histogram[c][v];
        if (seen * 2 >= n) {
          median[c] = v;
          break;
        }
      }
    }
    return ColourScience.lab(RgbImage.pack(median[0], median[1], median[2]));
  }

  /** Median of the flagged values, to 0.1 units, from a histogram over −128..128. */
  private static double median(float[] values, boolean[] member) {
    int[] histogram = new int[2561];
    int n = 0;
    for (int i = 0; i < values.length; i++) {
      if (!member[i]) continue;
      histogram[Math.max(0, Math.min(2560, Math.round((values[i] + 128) * 10)))]++;
      n++;
    }
    int seen = 0;
    for (int bin = 0; bin < histogram.length; bin++) {
      seen += histogram[bin];
      if (seen * 2 >= n && n > 0) {
        return bin / 10.0 - 128;
      }
    }
    return 0;
  }
}
