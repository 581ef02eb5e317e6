package dev.facet.imaging;

import java.util.List;

/**
 * The strong colours a piece shows in its reference photos, all of them together: its metal, its
 * coloured stones, what its colourless stones pick up from the setting. A finished image that shows
 * a strong colour of a hue none of the references has (a diamond turned blue, an emerald turned
 * sapphire) has recoloured a stone, whatever the light: lighting moves lightness and chroma, and a
 * material's hue far less than the 60 degrees or more between one gem's colour and another's.
 */
final class ReferenceHues {

  private static final int SIDE = ProductView.SIDE;

  /** Chroma from which a colour is strong enough to name its hue. */
  static final double STRONG = 15;

  /** L* under which a pixel's hue cannot be read. */
  private static final double DARK = 12;

  /** A hue is shown when this share of some reference's piece has a strong colour within... */
  private static final double SHOWN = 0.002;

  /** ...this many degrees of it (a ruby reads 15 degrees pinker under one light than another). */
  private static final int NEIGHBOURHOOD = 30;

  private static final int BIN = 5, BINS = 360 / BIN;

  private final boolean[] shown;

  private ReferenceHues(boolean[] shown) {
    this.shown = shown;
  }

  static ReferenceHues of(List<ProductView> references) {
    double[] most = new double[BINS];
    for (ProductView view : references) {
      double[] share = histogram(view, LabPixels.of(view));
      for (int h = 0; h < BINS; h++) most[h] = Math.max(most[h], share[h]);
    }
    int reach = NEIGHBOURHOOD / BIN;
    boolean[] shown = new boolean[BINS];
    for (int h = 0; h < BINS; h++) {
      double near = 0;
      for (int d = -reach; d <= reach; d++) near += most[Math.floorMod(h + d, BINS)];
      shown[h] = near >= SHOWN;
    }
    return new ReferenceHues(shown);
  }

  /** The view's strongly coloured pixels of a hue no reference shows. */
  boolean[] foreign(ProductView view, LabPixels lab) {
    boolean[] inside = OpenCv.morph(SIDE, SIDE, view.product(), -2);
    boolean[] out = new boolean[inside.length];
    for (int i = 0; i < out.length; i++) out[i] = strong(inside, lab, i) && !shown[bin(lab.hue(i))];
    return out;
  }

  /** Per hue bin, the share of the piece's pixels of a strong colour of that hue. */
  private static double[] histogram(ProductView view, LabPixels lab) {
    boolean[] inside = OpenCv.morph(SIDE, SIDE, view.product(), -2);
    double[] share = new double[BINS];
    int total = 0;
    for (int i = 0; i < inside.length; i++) {
      if (!inside[i]) continue;
      total++;
      if (strong(inside, lab, i)) share[bin(lab.hue(i))]++;
    }
    for (int h = 0; h < BINS; h++) share[h] /= Math.max(1, total);
    return share;
  }

  private static boolean strong(boolean[] inside, LabPixels lab, int i) {
    return inside[i] && lab.l()[i] >= DARK && lab.chroma(i) >= STRONG;
  }

  private static int bin(double hue) {
    return Math.min(BINS - 1, (int) (hue / BIN));
  }
}
