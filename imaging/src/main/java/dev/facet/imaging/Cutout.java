package dev.facet.imaging;

import dev.facet.imaging.matte.ProductMatte;
import dev.facet.model.Box;

/**
 * A product lifted out of its photo, ready to be staged: a crop of the matte, and where the
 * product's own bounding box lies in it. Kept as the matte keeps it (packed sRGB and 8-bit
 * coverage, 5 bytes a pixel) and made premultiplied linear RGB and alpha a block of rows at a time
 * as it is staged: as four float planes it was 16 bytes a pixel, held through every channel.
 */
public final class Cutout {

  /** How one product pixel's unmixed linear colour becomes its colour in the picture. */
  @FunctionalInterface
  public interface Tint {
    /** Rewrites {@code rgb} (linear, 3 values) of the photo's pixel (x, y) in place. */
    void apply(int x, int y, float[] rgb);

    Tint NONE = (x, y, rgb) -> {};
  }

  private final int width, height, left, top;
  private final int[] colour;
  private final byte[] coverage;
  private final Tint tint;
  private final Box product;

  private Cutout(
      int width, int height, int left, int top, int[] colour, byte[] coverage, Tint tint, Box p) {
    this.width = width;
    this.height = height;
    this.left = left;
    this.top = top;
    this.colour = colour;
    this.coverage = coverage;
    this.tint = tint;
    this.product = p;
  }

  /**
   * The matte's product over its bounding box grown by 2 % of its longest side (room for the soft
   * edge), each pixel's colour passed through {@code tint} (a pure function of the pixel) when it
   * is staged.
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
    int[] colour = new int[w * h];
    byte[] coverage = new byte[w * h];
    for (int y = 0; y < h; y++) {
      int s = (y0 + y) * matte.width() + x0;
      System.arraycopy(matte.colour(), s, colour, y * w, w);
      System.arraycopy(matte.coverage(), s, coverage, y * w, w);
    }
    return new Cutout(
        w,
        h,
        x0,
        y0,
        colour,
        coverage,
        tint,
        new Box(box.x() - x0, box.y() - y0, box.width(), box.height()));
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Where the product's bounding box lies in the crop. */
  public Box product() {
    return product;
  }

  /**
   * Premultiplied linear RGB and alpha of {@code rows} rows from {@code y0}, interleaved (4 values
   * a pixel) into {@code out}.
   */
  void rows(int y0, int rows, float[] out) {
    float[] rgb = new float[3];
    for (int y = y0; y < y0 + rows; y++) {
      for (int x = 0; x < width; x++) {
        int s = y * width + x, o = 4 * ((y - y0) * width + x);
        float al = (coverage[s] & 0xFF) / 255f;
        if (al <= 0) {
          for (int c = 0; c < 4; c++) out[o + c] = 0;
          continue;
        }
        ColourScience.linear(colour[s], rgb);
        tint.apply(left + x, top + y, rgb);
        out[o] = al * Math.max(0, rgb[0]);
        out[o + 1] = al * Math.max(0, rgb[1]);
        out[o + 2] = al * Math.max(0, rgb[2]);
        out[o + 3] = al;
      }
    }
  }
}
