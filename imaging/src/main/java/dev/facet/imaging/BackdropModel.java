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
  private static final int ROUNDS = 8;

  /** Blocks whose colour departs from the fit by more than this (log units) are not backdrop. */
  private static final double CHROMA_OUTLIER = 0.05;

  /**
   * Blocks darker than the fit by this many robust deviations are shadow, brighter by this many
   * highlight.
   */
  private static final double DARKER = 2, BRIGHTER = 3;

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
    // Start from the frame's edge, where a product photo shows its backdrop: a piece that fills
    // most of the frame must not be taken for the backdrop itself.
    boolean[] keep = new boolean[n];
    int ring = Math.max(1, Math.min(bw, bh) / 10);
    int edge = 0;
    for (int by = 0; by < bh; by++) {
      for (int bx = 0; bx < bw; bx++) {
        keep[by * bw + bx] = bx < ring || by < ring || bx >= bw - ring || by >= bh - ring;
        if (keep[by * bw + bx]) edge++;
      }
    }
    if (edge < TERMS * 2) Arrays.fill(keep, true);
    double[][] coefficients = new double[3][];
    double[] residual = new double[n];
    for (int round = 0; round < ROUNDS; round++) {
      // A plane first: from the edge alone a full surface would swing freely over the middle.
      int degree = round == 0 ? 1 : DEGREE;
      for (int c = 0; c < 3; c++) coefficients[c] = leastSquares(x, y[c], keep, degree);
      double[] absLum = new double[n];
      int kept = 0;
      for (int i = 0; i < n; i++) {
        double r0 = y[0][i] - dot(coefficients[0], x[i]);
        double r1 = y[1][i] - dot(coefficients[1], x[i]);
        double r2 = y[2][i] - dot(coefficients[2], x[i]);
        double lum = (r0 + r1 + r2) / 3;
        double chroma =
            Math.max(Math.abs(r0 - lum), Math.max(Math.abs(r1 - lum), Math.abs(r2 - lum)));
        residual[i] = chroma > CHROMA_OUTLIER ? Double.NaN : lum;
        if (keep[i]) absLum[kept++] = Math.abs(lum);
      }
      double mad = median(absLum, kept) * 1.4826 + 1e-3;
      int survivors = 0;
      boolean[] next = new boolean[n];
      for (int i = 0; i < n; i++) {
        // One-sided: a shadow only darkens the paper, so the fit follows the lit paper and drops
        // darker blocks sooner than brighter ones (else a large shadow pulls the surface down).
        next[i] = residual[i] > -(DARKER * mad + 0.01) && residual[i] < BRIGHTER * mad + 0.02;
        if (next[i]) survivors++;
      }
      if (survivors < TERMS * 2) {
        break; // nothing left that looks like a backdrop: keep the previous fit
      }
      keep = next;
    }
    return new BackdropModel(coefficients, w, h);
  }

  /** A perfectly even backdrop of one colour: a studio's seamless white, a staged background. */
  public static BackdropModel flat(int rgb, int width, int height) {
    double[][] coefficients = new double[3][TERMS];
    int[] channels = {RgbImage.red(rgb), RgbImage.green(rgb), RgbImage.blue(rgb)};
    for (int c = 0; c < 3; c++) coefficients[c][0] = LOG_LINEAR[channels[c]];
    return new BackdropModel(coefficients, width, height);
  }

  /**
   * A backdrop as {@link #coefficients()} gave it, for an image of this size: a stored analysis
   * read back.
   */
  public static BackdropModel of(double[][] coefficients, int width, int height) {
    if (coefficients.length != 3 || Arrays.stream(coefficients).anyMatch(c -> c.length != TERMS)) {
      throw new IllegalArgumentException("a backdrop has 3 channels of " + TERMS + " coefficients");
    }
    return new BackdropModel(
        Arrays.stream(coefficients).map(double[]::clone).toArray(double[][]::new), width, height);
  }

  /** The surface's coefficients per channel (a copy), for storing the backdrop. */
  public double[][] coefficients() {
    return Arrays.stream(coefficients).map(double[]::clone).toArray(double[][]::new);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The same backdrop for a resized copy of the image: the surface lives in frame fractions. */
  public BackdropModel at(int newWidth, int newHeight) {
    return newWidth == width && newHeight == height
        ? this
        : new BackdropModel(coefficients, newWidth, newHeight);
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

  /** Linear RGB of the backdrop at every pixel, interleaved, row by row. */
  public float[] linearRgb() {
    float[] out = new float[width * height * 3];
    float[] r = new float[width], g = new float[width], b = new float[width];
    for (int y = 0; y < height; y++) {
      logRow(y, r, g, b);
      for (int x = 0, o = y * width * 3; x < width; x++, o += 3) {
        out[o] = (float) (Math.exp(r[x]) - 1e-4);
        out[o + 1] = (float) (Math.exp(g[x]) - 1e-4);
        out[o + 2] = (float) (Math.exp(b[x]) - 1e-4);
      }
    }
    return out;
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
        double[] c =
            linearAt(Math.min(width - 1, gx * width / 32), Math.min(height - 1, gy * height / 32));
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
  private static double[] leastSquares(double[][] x, double[] y, boolean[] keep, int degree) {
    double[][] a = new double[TERMS][TERMS + 1];
    boolean[] used = new boolean[TERMS];
    for (int i = 0, t = 0; i <= DEGREE; i++)
      for (int j = 0; j <= DEGREE - i; j++, t++) used[t] = i + j <= degree;
    for (int i = 0; i < y.length; i++) {
      if (!keep[i]) continue;
      double[] xi = x[i];
      for (int r = 0; r < TERMS; r++) {
        if (!used[r]) continue;
        for (int c = 0; c < TERMS; c++) if (used[c]) a[r][c] += xi[r] * xi[c];
        a[r][TERMS] += xi[r] * y[i];
      }
    }
    for (int col = 0; col < TERMS; col++) {
      int pivot = col;
      for (int r = col + 1; r < TERMS; r++)
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
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
