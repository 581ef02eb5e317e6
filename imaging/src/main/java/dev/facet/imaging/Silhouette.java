package dev.facet.imaging;

import dev.facet.model.Box;

/**
 * Shape agreement of two product masks, independent of where the product sits and how large it is:
 * both are cropped to their bounding boxes, scaled so the longest side is {@link #SIDE} pixels and
 * centred on a square; the agreement is the share of either mask's pixels that lie within {@link
 * #TOLERANCE} pixels of the other. Aspect ratio, outline, holes and mirror images all count;
 * position and scale do not.
 *
 * <p>Not IoU: masks of the same piece from two photos differ by a pixel or two along every edge,
 * and on a thin band that alone halves the IoU (faithful fixture pairs read 0.65–0.88 by IoU,
 * 0.92–0.99 with the tolerance), while a mirrored or squeezed piece moves whole parts far beyond
 * it.
 */
public final class Silhouette {

  static final int SIDE = 256;

  /** About 1 % of the product's longest side. */
  static final double TOLERANCE = 3;

  private Silhouette() {}

  public static double agreement(Mask a, Mask b) {
    Mask na = normalise(a), nb = normalise(b);
    if (na == null || nb == null) {
      return 0;
    }
    return (double) (near(na, nb) + near(nb, na)) / (na.count() + nb.count());
  }

  /** How many pixels of {@code mask} lie within the tolerance of {@code other}. */
  private static int near(Mask mask, Mask other) {
    boolean[] bits = mask.bits(), reach = Morphology.dilate(other, TOLERANCE).bits();
    int n = 0;
    for (int i = 0; i < bits.length; i++) {
      if (bits[i] && reach[i]) n++;
    }
    return n;
  }

  /** The mask cropped to its product, scaled into a {@link #SIDE}-pixel square, centred. */
  static Mask normalise(Mask mask) {
    Box box = mask.box().orElse(null);
    if (box == null) {
      return null;
    }
    double s = (double) SIDE / Math.max(box.width(), box.height());
    int w = Math.max(1, (int) Math.round(box.width() * s)),
        h = Math.max(1, (int) Math.round(box.height() * s));
    // Area-average the crop (as grey levels) and threshold at half coverage.
    boolean[] bits = mask.crop(box).bits();
    int[] grey = new int[bits.length];
    for (int i = 0; i < bits.length; i++) grey[i] = bits[i] ? 0xFFFFFF : 0;
    RgbImage scaled = Resampler.average(new RgbImage(box.width(), box.height(), grey), w, h);
    boolean[] out = new boolean[SIDE * SIDE];
    int left = (SIDE - w) / 2, top = (SIDE - h) / 2;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[(top + y) * SIDE + left + x] = RgbImage.green(scaled.pixels()[y * w + x]) >= 128;
      }
    }
    return new Mask(SIDE, SIDE, out);
  }
}
