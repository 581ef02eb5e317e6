package dev.facet.imaging;

/**
 * Unsharp masking: adds back {@code amount} times the difference between the image and its
 * Gaussian blur. Differences under {@link #THRESHOLD} levels are left alone, so flat backgrounds
 * and noise stay as they are (a pure white background stays exactly white).
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
    float[] r = channels[0], g = channels[1], b = channels[2];
    float[] rb = blurred[0], gb = blurred[1], bb = blurred[2];
    for (int i = 0; i < n; i++) {
      out[i] = RgbImage.pack(sharpen(r[i], rb[i], a), sharpen(g[i], gb[i], a), sharpen(b[i], bb[i], a));
    }
    return new RgbImage(w, h, out);
  }

  private static int sharpen(float value, float blurred, float amount) {
    float diff = value - blurred;
    return Math.abs(diff) < THRESHOLD ? (int) value : Math.round(value + amount * diff);
  }
}
