package dev.facet.imaging;

import dev.facet.model.Box;
import java.util.List;

/**
 * What is left in the background that should not be: pixels clearly darker than the background
 * (shadow fragments, pieces of the seller's paper, dust) farther from the product than a staged
 * contact shadow reaches, as a share of the product's area. A staged shadow stays within {@link
 * Staging#MAX_DARKENING} of the background, so it never counts.
 */
final class Debris {

  /** Darker than the background by this many levels in some channel (on white: below 200). */
  private static final int DARKER = 55;

  /** Clearance around the product, share of the frame's short side (1 %). */
  private static final double CLEARANCE = 0.01;

  private Debris() {}

  /**
   * @param share debris pixels over the product's pixels
   * @param regions where the largest fragments are
   */
  record Result(double share, List<Box> regions) {}

  static Result of(RgbImage image, Mask product, int background) {
    int w = image.width(), h = image.height();
    int clearance = Math.max(1, (int) Math.round(CLEARANCE * Math.min(w, h)));
    boolean[] near = OpenCv.morph(w, h, product.bits(), clearance);
    boolean[] debris = new boolean[w * h];
    int[] px = image.pixels();
    long count = 0;
    for (int i = 0; i < debris.length; i++) {
      int p = px[i];
      debris[i] =
          !near[i]
              && (RgbImage.red(p) < RgbImage.red(background) - DARKER
                  || RgbImage.green(p) < RgbImage.green(background) - DARKER
                  || RgbImage.blue(p) < RgbImage.blue(background) - DARKER);
      if (debris[i]) count++;
    }
    List<Box> regions = count == 0 ? List.of() : boxes(debris, w, h);
    return new Result((double) count / Math.max(1, product.count()), regions);
  }

  /** Boxes of the largest fragments, found on a copy at most 512 px wide. */
  private static List<Box> boxes(boolean[] debris, int w, int h) {
    int step = Math.max(1, (Math.max(w, h) + 511) / 512);
    int sw = (w + step - 1) / step, sh = (h + step - 1) / step, side = Math.max(sw, sh);
    boolean[] small = new boolean[side * side];
    for (int y = 0; y < h; y++)
      for (int x = 0; x < w; x++) if (debris[y * w + x]) small[(y / step) * side + x / step] = true;
    return Blobs.of(small, side).parts().stream()
        .limit(8)
        .map(b -> new Box(b.x() * step, b.y() * step, b.width() * step, b.height() * step))
        .toList();
  }
}
