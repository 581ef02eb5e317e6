package dev.facet.imaging;

import dev.facet.model.Box;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Variance of the Laplacian (Pech-Pacheco et al. 2000), always measured at a fixed working
 * resolution so numbers from photos of different sizes compare.
 */
public final class Sharpness {

  /** Frame-level detail is measured with the photo's longest side at this many pixels. */
  public static final int FRAME_SIDE = 1024;

  /** Product sharpness is measured with the product's longest side at this many pixels. */
  public static final int PRODUCT_SIDE = 512;

  private static final int TILE = 32;

  private Sharpness() {}

  /**
   * Blur detection without a product mask: the variance of the Laplacian of the sharpest tiles (the
   * 99th percentile over 32 px tiles at {@link #FRAME_SIDE}). A small piece in a large, plain frame
   * still counts, because only its own tiles need to be sharp.
   */
  public static double detail(RgbImage photo) {
    Plane lap = Plane.luma(Resampler.fitWithin(photo, FRAME_SIDE)).laplacian();
    int w = lap.width(), h = lap.height();
    List<Double> tiles = new ArrayList<>();
    for (int ty = 1; ty + TILE < h; ty += TILE) {
      for (int tx = 1; tx + TILE < w; tx += TILE) {
        double sum = 0, sq = 0;
        for (int y = ty; y < ty + TILE; y++) {
          for (int x = tx; x < tx + TILE; x++) {
            double v = lap.v[y * w + x];
            sum += v;
            sq += v * v;
          }
        }
        int n = TILE * TILE;
        tiles.add(sq / n - (sum / n) * (sum / n));
      }
    }
    if (tiles.isEmpty()) {
      return lap.meanVariance(null)[1];
    }
    Collections.sort(tiles);
    return tiles.get((int) Math.round(0.99 * (tiles.size() - 1)));
  }

  /**
   * Variance of the Laplacian over the product, with the product's bounding box scaled so its
   * longest side is {@link #PRODUCT_SIDE}: the same piece photographed larger or smaller reads the
   * same, a softer rendering of it reads lower.
   */
  public static double ofProduct(RgbImage photo, Mask mask) {
    Box box = mask.box().orElse(null);
    if (box == null) {
      return 0;
    }
    double s = (double) PRODUCT_SIDE / Math.max(box.width(), box.height());
    int w = Math.max(3, (int) Math.round(box.width() * s));
    int h = Math.max(3, (int) Math.round(box.height() * s));
    RgbImage crop = photo.crop(box);
    RgbImage scaled = s < 1 ? Resampler.average(crop, w, h) : Resampler.resize(crop, w, h);
    Mask scaledMask = mask.crop(box).resized(w, h);
    Plane lap = Plane.luma(scaled).laplacian();
    return lap.meanVariance(scaledMask.bits())[1];
  }
}
