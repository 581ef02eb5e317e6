package dev.facet.imaging;

/**
 * Heavy JPEG compression shows as 8x8 blocks: steps in luminance at the block boundaries that the
 * picture inside the blocks does not have. The measure is the mean absolute luminance step across
 * boundary columns and rows over the mean step everywhere else: about 1 for a clean image (and for
 * any image whose grid was moved by resizing), 1.5 and more for visibly blocky ones. Run on the
 * decoded file at its own size.
 */
public final class Blockiness {

  private static final int BLOCK = 8;

  /** Mean steps (levels) below this are flat: no blocking to show, and the ratio's floor. */
  private static final double FLAT = 0.25;

  private Blockiness() {}

  public static double of(RgbImage image) {
    Plane luma = Plane.luma(image);
    int w = luma.width(), h = luma.height();
    float[] v = luma.v;
    double boundary = 0, interior = 0;
    long nb = 0, ni = 0;
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 1; x < w; x++) {
        double horizontal = Math.abs(v[row + x] - v[row + x - 1]);
        if (x % BLOCK == 0) {
          boundary += horizontal;
          nb++;
        } else {
          interior += horizontal;
          ni++;
        }
      }
      if (y == 0) continue;
      boolean boundaryRow = y % BLOCK == 0;
      for (int x = 0; x < w; x++) {
        double vertical = Math.abs(v[row + x] - v[row - w + x]);
        if (boundaryRow) {
          boundary += vertical;
          nb++;
        } else {
          interior += vertical;
          ni++;
        }
      }
    }
    if (nb == 0 || ni == 0) return 1;
    double meanBoundary = boundary / nb, meanInterior = interior / ni;
    // Heavy compression flattens the blocks' insides, so a flat interior alone is no reason to
    // call the image clean: only when the boundaries are flat too.
    return meanBoundary < FLAT && meanInterior < FLAT
        ? 1
        : meanBoundary / Math.max(meanInterior, FLAT);
  }
}
