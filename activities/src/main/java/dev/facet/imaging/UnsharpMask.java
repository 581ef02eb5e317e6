package dev.facet.imaging;

/**
 * Unsharp masking: adds back {@code amount} times the difference between the image and its Gaussian
 * blur. Differences under {@link #THRESHOLD} levels are left alone, so flat backgrounds and noise
 * stay as they are (a pure white background stays exactly white). The result never leaves the range
 * of its 3x3 neighbourhood: no halo along the outline, and a white-metal highlight kept just under
 * the background's white is not pushed into it.
 */
public final class UnsharpMask {

  static final float THRESHOLD = 2f;

  private UnsharpMask() {}

  public static RgbImage apply(RgbImage image, double sigma, double amount) {
    if (amount <= 0) {
      return image;
    }
    int w = image.width(), h = image.height(), n = w * h;
    int[] px = image.pixels();
    float[][] channels = new float[3][n];
    for (int i = 0; i < n; i++) {
      int p = px[i];
      channels[0][i] = RgbImage.red(p);
      channels[1][i] = RgbImage.green(p);
      channels[2][i] = RgbImage.blue(p);
    }
    float[][] blurred = new float[3][];
    for (int c = 0; c < 3; c++) blurred[c] = new Plane(w, h, channels[c]).gaussian(sigma).v;
    int[] out = new int[n];
    float a = (float) amount;
    int[] value = new int[3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        for (int c = 0; c < 3; c++) {
          float v = channels[c][i], diff = v - blurred[c][i];
          if (Math.abs(diff) < THRESHOLD) {
            value[c] = (int) v;
            continue;
          }
          float lo = v, hi = v;
          for (int dy = Math.max(0, y - 1); dy <= Math.min(h - 1, y + 1); dy++) {
            for (int dx = Math.max(0, x - 1); dx <= Math.min(w - 1, x + 1); dx++) {
              float q = channels[c][dy * w + dx];
              lo = Math.min(lo, q);
              hi = Math.max(hi, q);
            }
          }
          value[c] = Math.round(Math.max(lo, Math.min(hi, v + a * diff)));
        }
        out[i] = RgbImage.pack(value[0], value[1], value[2]);
      }
    }
    return new RgbImage(w, h, out);
  }
}
