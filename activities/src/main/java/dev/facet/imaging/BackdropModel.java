package dev.facet.imaging;

import java.util.Arrays;

/**
 * The backdrop's colour everywhere in the frame, as if the product were not there: a smooth surface
 * (a degree-4 polynomial in x and y, per channel, over log linear RGB) fitted robustly to the
 * photo's 16-pixel blocks. Paper sweeps, vignetting and light fall-off are smooth, so the fit
 * captures them; the product, its shadow and specks are outliers the fit drops round by round.
 * Knowing the backdrop everywhere is what lets the segmenter tell "darker than the backdrop here"
 * (a shadow) from "a different colour" (the product), and lets the renderer remove vignetting.
 */
public final class BackdropModel {

  private static final int DEGREE = 4;
  private static final int TERMS = (DEGREE + 1) * (DEGREE + 2) / 2;
  private static final int BLOCK = 16;
  private static final int ROUNDS = 6;
  /** Blocks whose colour departs from the fit by more than this (log units) are not backdrop. */
  private static final double CHROMA_OUTLIER = 0.05;

  /** Per channel, coefficients of x^i·y^j in the order of {@link #terms}. */
  private final double[][] coefficients;

  private final int width;
  private final int height;
  private final double peakLuminance;

  private BackdropModel(double[][] coefficients, int width, int height) {
    this.coefficients = coefficients;
    this.width = width;
    this.height = height;
    this.peakLuminance = findPeakLuminance();
  }

  /** Natural log of linear sRGB, per 8-bit value, offset so black stays finite. */
  static final float[] LOG_LINEAR = new float[256];

  static {
    for (int i = 0; i < 256; i++) LOG_LINEAR[i] = (float) Math.log(ColourScience.linear(i) + 1e-4);
  }

  public static BackdropModel fit(RgbImage image) {
    int w = image.width(), h = image.height();
    int bw = Math.max(1, w / BLOCK), bh = Math.max(1, h / BLOCK);
    int sw = Math.max(1, w / bw), sh = Math.max(1, h / bh);
    int n = bw * bh;
    double[][] y = new double[3][n];
    double[][] x = new double[n][];
    int[] px = image.pixels();
    for (int by = 0; by < bh; by++) {
      for (int bx = 0; bx < bw; bx++) {
        double r = 0, g = 0, b = 0;
        for (int yy = by * sh; yy < (by + 1) * sh; yy++) {
          for (int xx = bx * sw; xx < (bx + 1) * sw; xx++) {
            int p = px[yy * w + xx];
            r += LOG_LINEAR[RgbImage.red(p)];
            g += LOG_LINEAR[RgbImage.green(p)];
            b += LOG_LINEAR[RgbImage.blue(p)];
          }
        }
        int i = by * bw + bx;
        double count = (double) sw * sh;
        y[0][i] = r / count;
        y[1][i] = g / count;
        y[2][i] = b / count;
        x[i] = terms(((bx + 0.5) * sw) / w * 2 - 1, ((by + 0.5) * sh) / h * 2 - 1);
      }
    }
    boolean[] keep = new boolean[n];
    Arrays.fill(keep, true);
    double[][] coefficients = new double[3][];
    double[] residual = new double[n];
    for (int round = 0; round < ROUNDS; round++) {
      for (int c = 0; c < 3; c++) coefficients[c] = leastSquares(x, y[c], keep);
      double[] absLum = new double[n];
      int kept = 0;
      for (int i = 0; i < n; i++) {
        double r0 = y[0][i] - dot(coefficients[0], x[i]);
        double r1 = y[1][i] - dot(coefficients[1], x[i]);
        double r2 = y[2][i] - dot(coefficients[2], x[i]);
        double lum = (r0 + r1 + r2) / 3;
        double chroma = Math.max(Math.abs(r0 - lum), Math.max(Math.abs(r1 - lum), Math.abs(r2 - lum)));
        residual[i] = chroma > CHROMA_OUTLIER ? Double.POSITIVE_INFINITY : Math.abs(lum);
        if (keep[i]) absLum[kept++] = Math.abs(lum);
      }
      double mad = median(absLum, kept) * 1.4826 + 1e-3;
      int survivors = 0;
      boolean[] next = new boolean[n];
      for (int i = 0; i < n; i++) {
        next[i] = residual[i] < 3 * mad + 0.02;
        if (next[i]) survivors++;
      }
      if (survivors < TERMS * 2) {
        break; // nothing left that looks like a backdrop: keep the previous fit
      }
      keep = next;
    }
    return new BackdropModel(coefficients, w, h);
  }

  /** The same backdrop for a resized copy of the image: the surface lives in frame fractions. */
  public BackdropModel at(int newWidth, int newHeight) {
    return newWidth == width && newHeight == height ? this : new BackdropModel(coefficients, newWidth, newHeight);
  }

  /** Log linear RGB of the backdrop for every pixel of one row, into three arrays. */
  void logRow(int y, float[] r, float[] g, float[] b) {
    double ny = (y + 0.5) / height * 2 - 1;
    // Collapse the y powers first: per pixel only a degree-4 polynomial in x remains.
    double[][] inX = new double[3][DEGREE + 1];
    int t = 0;
    for (int i = 0; i <= DEGREE; i++) {
      for (int j = 0; j <= DEGREE - i; j++, t++) {
        double yj = Math.pow(ny, j);
        for (int c = 0; c < 3; c++) inX[c][i] += coefficients[c][t] * yj;
      }
    }
    for (int x = 0; x < width; x++) {
      double nx = (x + 0.5) / width * 2 - 1;
      r[x] = (float) horner(inX[0], nx);
      g[x] = (float) horner(inX[1], nx);
      b[x] = (float) horner(inX[2], nx);
    }
  }

  /** Linear RGB of the backdrop at a pixel. */
  public double[] linearAt(int x, int y) {
    double[] t = terms((x + 0.5) / width * 2 - 1, (y + 0.5) / height * 2 - 1);
    return new double[] {
      Math.exp(dot(coefficients[0], t)) - 1e-4,
      Math.exp(dot(coefficients[1], t)) - 1e-4,
      Math.exp(dot(coefficients[2], t)) - 1e-4
    };
  }

  /** The brightest luminance of the backdrop over the frame. */
  public double peakLuminance() {
    return peakLuminance;
  }

  private double findPeakLuminance() {
    double peak = 1e-6;
    for (int gy = 0; gy <= 32; gy++) {
      for (int gx = 0; gx <= 32; gx++) {
        double[] c = linearAt(Math.min(width - 1, gx * width / 32), Math.min(height - 1, gy * height / 32));
        peak = Math.max(peak, ColourScience.luminance(c[0], c[1], c[2]));
      }
    }
    return peak;
  }

  private static double[] terms(double x, double y) {
    double[] t = new double[TERMS];
    int k = 0;
    for (int i = 0; i <= DEGREE; i++) {
      for (int j = 0; j <= DEGREE - i; j++) {
        t[k++] = Math.pow(x, i) * Math.pow(y, j);
      }
    }
    return t;
  }

  private static double horner(double[] c, double x) {
    double v = 0;
    for (int i = c.length - 1; i >= 0; i--) v = v * x + c[i];
    return v;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  private static double median(double[] values, int n) {
    double[] copy = Arrays.copyOf(values, n);
    Arrays.sort(copy);
    return n == 0 ? 0 : copy[n / 2];
  }

  /** Least squares by the normal equations, solved by Gaussian elimination with pivoting. */
  private static double[] leastSquares(double[][] x, double[] y, boolean[] keep) {
    double[][] a = new double[TERMS][TERMS + 1];
    for (int i = 0; i < y.length; i++) {
      if (!keep[i]) continue;
      double[] xi = x[i];
      for (int r = 0; r < TERMS; r++) {
        for (int c = 0; c < TERMS; c++) a[r][c] += xi[r] * xi[c];
        a[r][TERMS] += xi[r] * y[i];
      }
    }
    for (int col = 0; col < TERMS; col++) {
      int pivot = col;
      for (int r = col + 1; r < TERMS; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      double p = a[col][col];
      if (Math.abs(p) < 1e-12) continue;
      for (int r = 0; r < TERMS; r++) {
        if (r == col) continue;
        double f = a[r][col] / p;
        if (f == 0) continue;
        for (int c = col; c <= TERMS; c++) a[r][c] -= f * a[col][c];
      }
    }
    double[] out = new double[TERMS];
    for (int r = 0; r < TERMS; r++) out[r] = Math.abs(a[r][r]) < 1e-12 ? 0 : a[r][TERMS] / a[r][r];
    return out;
  }
}
