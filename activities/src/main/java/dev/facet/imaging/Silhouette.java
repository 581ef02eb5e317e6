package dev.facet.imaging;

import dev.facet.model.Box;

/**
 * Shape agreement of two product masks, independent of where the product sits and how large it is:
 * both are cropped to their bounding boxes, scaled so the longest side is {@link #SIDE} pixels,
 * centred on a square and compared by IoU. Aspect ratio, outline, holes and mirror images all
 * count; position and scale do not.
 */
public final class Silhouette {

  static final int SIDE = 256;

  private Silhouette() {}

  public static double agreement(Mask a, Mask b) {
    Mask na = normalise(a), nb = normalise(b);
    return na == null || nb == null ? 0 : na.iou(nb);
  }

  /** The mask cropped to its product, scaled into a {@link #SIDE}-pixel square, centred. */
  static Mask normalise(Mask mask) {
    Box box = mask.box().orElse(null);
    if (box == null) {
      return null;
    }
    double s = (double) SIDE / Math.max(box.width(), box.height());
    int w = Math.max(1, (int) Math.round(box.width() * s)), h = Math.max(1, (int) Math.round(box.height() * s));
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
