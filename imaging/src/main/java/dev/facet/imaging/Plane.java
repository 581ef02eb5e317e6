package dev.facet.imaging;

import java.util.Arrays;

/** One channel of floats, row by row: the working format of the filters. */
public final class Plane {

  final int width;
  final int height;
  final float[] v;

  public Plane(int width, int height, float[] v) {
    this.width = width;
    this.height = height;
    this.v = v;
  }

  /** Relative luminance Y scaled to 0..255, the usual grey for variance-of-Laplacian. */
  public static Plane luma(RgbImage image) {
    int[] px = image.pixels();
    float[] out = new float[px.length];
    for (int i = 0; i < px.length; i++) {
      int p = px[i];
      out[i] = 0.2126f * RgbImage.red(p) + 0.7152f * RgbImage.green(p) + 0.0722f * RgbImage.blue(p);
    }
    return new Plane(image.width(), image.height(), out);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public float get(int x, int y) {
    return v[y * width + x];
  }

  /** Separable Gaussian blur, edges clamped. */
  public Plane gaussian(double sigma) {
    float[] k = gaussianKernel(sigma);
    int radius = k.length / 2;

    float[] tmp = new float[v.length];
    for (int y = 0; y < height; y++) {
      int row = y * width;
      for (int x = 0; x < width; x++) {
        float acc = 0;
        if (x >= radius && x < width - radius) {
          int base = row + x - radius;
          for (int i = 0; i < k.length; i++) acc += k[i] * v[base + i];
        } else {
          for (int i = -radius; i <= radius; i++) {
            int xx = x + i < 0 ? 0 : (x + i >= width ? width - 1 : x + i);
            acc += k[i + radius] * v[row + xx];
          }
        }
        tmp[row + x] = acc;
      }
    }
    float[] out = new float[v.length];
    for (int y = 0; y < height; y++) {
      for (int i = -radius; i <= radius; i++) {
        int yy = y + i < 0 ? 0 : (y + i >= height ? height - 1 : y + i);
        float kv = k[i + radius];
        int src = yy * width, dst = y * width;
        for (int x = 0; x < width; x++) {
          out[dst + x] += kv * tmp[src + x];
        }
      }
    }
    return new Plane(width, height, out);
  }

  /** The normalised Gaussian kernel {@link #gaussian} blurs with: 3 sigma each side, at least 1. */
  static float[] gaussianKernel(double sigma) {
    int radius = Math.max(1, (int) Math.ceil(3 * sigma));
    float[] k = new float[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      k[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
      sum += k[i + radius];
    }
    for (int i = 0; i < k.length; i++) k[i] /= (float) sum;
    return k;
  }

  /** Sobel gradient magnitude, divided by 8 so a unit ramp reads 1 per pixel. */
  public Plane sobelMagnitude() {
    return eachNeighbourhood(
        (ym, y0, yp, xm, x, xp) -> {
          float gx =
              (v[ym + xp] + 2 * v[y0 + xp] + v[yp + xp])
                  - (v[ym + xm] + 2 * v[y0 + xm] + v[yp + xm]);
          float gy =
              (v[yp + xm] + 2 * v[yp + x] + v[yp + xp]) - (v[ym + xm] + 2 * v[ym + x] + v[ym + xp]);
          return (float) Math.sqrt(gx * gx + gy * gy) / 8;
        });
  }

  /** 4-neighbour Laplacian, edges clamped. */
  public Plane laplacian() {
    return eachNeighbourhood(
        (ym, y0, yp, xm, x, xp) -> v[ym + x] + v[yp + x] + v[y0 + xm] + v[y0 + xp] - 4 * v[y0 + x]);
  }

  /**
   * A pixel's new value from its 3x3 neighbourhood: the rows above, at and below it as offsets into
   * {@code v}, the columns left of, at and right of it; at an edge the missing row or column is the
   * edge's own.
   */
  private interface Neighbourhood {
    float value(int ym, int y0, int yp, int xm, int x, int xp);
  }

  /** A plane the size of this one holding {@code filter}'s value at every pixel. */
  private Plane eachNeighbourhood(Neighbourhood filter) {
    float[] out = new float[v.length];
    for (int y = 0; y < height; y++) {
      int ym = Math.max(0, y - 1) * width, y0 = y * width, yp = Math.min(height - 1, y + 1) * width;
      for (int x = 0; x < width; x++) {
        int xm = Math.max(0, x - 1), xp = Math.min(width - 1, x + 1);
        out[y0 + x] = filter.value(ym, y0, yp, xm, x, xp);
      }
    }
    return new Plane(width, height, out);
  }

  /** Mean over the (2r+1)² window around every pixel, windows clipped at the edges. */
  public Plane boxMean(int r) {
    double[] integral = new double[(width + 1) * (height + 1)];
    for (int y = 0; y < height; y++) {
      double row = 0;
      for (int x = 0; x < width; x++) {
        row += v[y * width + x];
        integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1] + row;
      }
    }
    float[] out = new float[v.length];
    for (int y = 0; y < height; y++) {
      int y0 = Math.max(0, y - r), y1 = Math.min(height, y + r + 1);
      for (int x = 0; x < width; x++) {
        int x0 = Math.max(0, x - r), x1 = Math.min(width, x + r + 1);
        double s =
            integral[y1 * (width + 1) + x1]
                - integral[y0 * (width + 1) + x1]
                - integral[y1 * (width + 1) + x0]
                + integral[y0 * (width + 1) + x0];
        out[y * width + x] = (float) (s / ((y1 - y0) * (x1 - x0)));
      }
    }
    return new Plane(width, height, out);
  }

  /** The {@code q}-quantile (0..1) of the values where {@code where} is set. */
  public double quantile(boolean[] where, double q) {
    int n = 0;
    for (boolean b : where) if (b) n++;
    if (n == 0) {
      return 0;
    }
    float[] values = new float[n];
    for (int i = 0, j = 0; i < v.length; i++) if (where[i]) values[j++] = v[i];
    Arrays.sort(values);
    return values[(int) Math.min(n - 1, Math.round(q * (n - 1)))];
  }

  /** Mean and variance of the values where {@code where} is set. */
  public double[] meanVariance(boolean[] where) {
    double sum = 0, sq = 0;
    long n = 0;
    for (int i = 0; i < v.length; i++) {
      if (where == null || where[i]) {
        sum += v[i];
        sq += (double) v[i] * v[i];
        n++;
      }
    }
    if (n == 0) {
      return new double[] {0, 0};
    }
    double mean = sum / n;
    return new double[] {mean, Math.max(0, sq / n - mean * mean)};
  }
}
