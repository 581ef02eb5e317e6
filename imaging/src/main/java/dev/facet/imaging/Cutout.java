package dev.facet.imaging;

import dev.facet.imaging.matte.ProductMatte;
import dev.facet.model.Box;

/**
 * A product lifted out of its photo, ready to be staged: premultiplied linear RGB and alpha over a
 * crop of the photo, and where the product's own bounding box lies in it.
 */
public record Cutout(
    int width, int height, float[] red, float[] green, float[] blue, float[] alpha, Box product) {

  /** How one product pixel's unmixed linear colour becomes its colour in the picture. */
  @FunctionalInterface
  public interface Tint {
    /** Rewrites {@code rgb} (linear, 3 values) of the photo's pixel (x, y) in place. */
    void apply(int x, int y, float[] rgb);

    Tint NONE = (x, y, rgb) -> {};
  }

  /**
   * The matte's product over its bounding box grown by 2 % of its longest side (room for the soft
   * edge), each pixel's colour passed through {@code tint}.
   */
  public static Cutout of(ProductMatte matte, Tint tint) {
    Box box =
        matte
            .box()
            .orElseThrow(() -> new IllegalArgumentException("no product found in the image"));
    int margin = Math.max(4, Math.max(box.width(), box.height()) / 50);
    int x0 = Math.max(0, box.x() - margin), y0 = Math.max(0, box.y() - margin);
    int x1 = Math.min(matte.width(), box.x() + box.width() + margin);
    int y1 = Math.min(matte.height(), box.y() + box.height() + margin);
    int w = x1 - x0, h = y1 - y0;
    float[] r = new float[w * h], g = new float[w * h], b = new float[w * h], a = new float[w * h];
    float[] rgb = new float[3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int s = (y0 + y) * matte.width() + x0 + x, o = y * w + x;
        float al = matte.alpha(s);
        if (al <= 0) continue;
        ColourScience.linear(matte.colour(s), rgb);
        tint.apply(x0 + x, y0 + y, rgb);
        r[o] = al * Math.max(0, rgb[0]);
        g[o] = al * Math.max(0, rgb[1]);
        b[o] = al * Math.max(0, rgb[2]);
        a[o] = al;
      }
    }
    return new Cutout(
        w, h, r, g, b, a, new Box(box.x() - x0, box.y() - y0, box.width(), box.height()));
  }
}
