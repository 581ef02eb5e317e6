package dev.facet.imaging;

import java.util.stream.IntStream;

/**
 * Separable resampling of packed sRGB images: Lanczos-3 (widened when shrinking, so it also
 * anti-aliases) for output quality, exact area averaging for fast analysis-size copies. Weights are
 * computed once per output column/row; the inner loops run over plain arrays.
 */
public final class Resampler {

  private Resampler() {}

  /** Lanczos-3 resize: the quality path, for images people look at. */
  public static RgbImage resize(RgbImage image, int width, int height) {
    return resample(image, width, height, true);
  }

  /** Area-average resize (box filter with exact coverage): fast, alias-free, a little soft. */
  public static RgbImage average(RgbImage image, int width, int height) {
    return resample(image, width, height, false);
  }

  /** Shrinks (never enlarges) so the longest side is at most {@code side}. */
  public static RgbImage fitWithin(RgbImage image, int side) {
    if (image.longSide() <= side) {
      return image;
    }
    double s = (double) side / image.longSide();
    return average(
        image,
        Math.max(1, (int) Math.round(image.width() * s)),
        Math.max(1, (int) Math.round(image.height() * s)));
  }

  /**
   * Lanczos-3 resize of interleaved float pixels (e.g. premultiplied linear colour and alpha), for
   * compositing in linear light, read from {@code source} as they are needed. The horizontal pass
   * runs on blocks of rows turned on their side, and each block's rows are added into the output
   * rows they reach at once: only the output and one block are held, and both passes add whole rows
   * of weighted values (loops the JIT vectorises) in the same order as one pixel at a time would.
   */
  public static float[] resizeInterleaved(
      Rows source, int n, int srcWidth, int srcHeight, int width, int height) {
    int stride = width * n;
    Weights horizontal = Weights.of(srcWidth, width, true);
    Weights vertical = Weights.of(srcHeight, height, true);
    float[] dst = new float[stride * height];
    int firstRow = 0; // the first output row the current block reaches
    for (int y0 = 0; y0 < srcHeight; y0 += BLOCK) {
      int rows = Math.min(BLOCK, srcHeight - y0);
      float[] block = horizontal(source, n, srcWidth, y0, rows, horizontal, width);
      while (firstRow < height - 1
          && vertical.start[firstRow] + vertical.weights[firstRow].length <= y0) firstRow++;
      for (int y = firstRow; y < height && vertical.start[y] < y0 + rows; y++) {
        int o = y * stride;
        float[] wts = vertical.weights[y];
        // Source rows in ascending order, as the block before this one left them.
        int k0 = Math.max(0, y0 - vertical.start[y]);
        int k1 = Math.min(wts.length, y0 + rows - vertical.start[y]);
        for (int k = k0; k < k1; k++) {
          int row = (vertical.start[y] + k - y0) * stride;
          float wt = wts[k];
          for (int j = 0; j < stride; j++) dst[o + j] += wt * block[row + j];
        }
      }
    }
    return dst;
  }

  /** Float pixels, {@code n} interleaved values each, made a block of rows at a time. */
  @FunctionalInterface
  public interface Rows {
    /** Rows {@code y0} to {@code y0 + rows} into {@code out}, row after row. */
    void read(int y0, int rows, float[] out);
  }

  /** Source rows per block the horizontal pass turns on its side: a few MB, cache-sized. */
  private static final int BLOCK = 64;

  /**
   * The horizontal pass over {@code rows} source rows from {@code y0}: rows of {@code width} × n.
   */
  private static float[] horizontal(
      Rows source, int n, int srcWidth, int y0, int rows, Weights horizontal, int width) {
    int stride = rows * n;
    float[] in = new float[srcWidth * stride];
    source.read(y0, rows, in);
    float[] side = new float[srcWidth * stride]; // source column x is row x here
    for (int y = 0; y < rows; y++) {
      for (int x = 0, i = y * srcWidth * n; x < srcWidth; x++) {
        for (int c = 0; c < n; c++) side[x * stride + y * n + c] = in[i++];
      }
    }
    float[] sum = new float[width * stride];
    for (int x = 0; x < width; x++) {
      int start = horizontal.start[x], o = x * stride;
      float[] wts = horizontal.weights[x];
      for (int k = 0; k < wts.length; k++) {
        int from = (start + k) * stride;
        float wt = wts[k];
        for (int j = 0; j < stride; j++) sum[o + j] += wt * side[from + j];
      }
    }
    float[] out = new float[rows * width * n];
    for (int y = 0; y < rows; y++) {
      int row = y * width * n;
      for (int x = 0; x < width; x++) {
        System.arraycopy(sum, x * stride + y * n, out, row + x * n, n);
      }
    }
    return out;
  }

  private static RgbImage resample(RgbImage image, int width, int height, boolean lanczos) {
    if (width == image.width() && height == image.height()) {
      return image;
    }
    int sw = image.width(), sh = image.height();
    Weights horizontal = Weights.of(sw, width, lanczos);
    Weights vertical = Weights.of(sh, height, lanczos);
    int[] src = image.pixels();

    // Horizontal pass into three float planes (width x source height). Rows are independent, so
    // both passes run on every core, as libvips does.
    float[] r = new float[width * sh], g = new float[width * sh], b = new float[width * sh];
    IntStream.range(0, sh)
        .parallel()
        .forEach(
            y -> {
              int row = y * sw;
              for (int x = 0; x < width; x++) {
                float ar = 0, ag = 0, ab = 0;
                int start = horizontal.start[x];
                float[] wts = horizontal.weights[x];
                for (int k = 0; k < wts.length; k++) {
                  int p = src[row + start + k];
                  float wt = wts[k];
                  ar += wt * ((p >> 16) & 0xFF);
                  ag += wt * ((p >> 8) & 0xFF);
                  ab += wt * (p & 0xFF);
                }
                int o = y * width + x;
                r[o] = ar;
                g[o] = ag;
                b[o] = ab;
              }
            });
    // Vertical pass, row by row so the inner loop walks memory in order.
    int[] out = new int[width * height];
    IntStream.range(0, height)
        .parallel()
        .forEach(
            y -> {
              float[] ar = new float[width], ag = new float[width], ab = new float[width];
              int start = vertical.start[y];
              float[] wts = vertical.weights[y];
              for (int k = 0; k < wts.length; k++) {
                int row = (start + k) * width;
                float wt = wts[k];
                for (int x = 0; x < width; x++) {
                  ar[x] += wt * r[row + x];
                  ag[x] += wt * g[row + x];
                  ab[x] += wt * b[row + x];
                }
              }
              int o = y * width;
              for (int x = 0; x < width; x++) {
                out[o + x] = (clamp(ar[x]) << 16) | (clamp(ag[x]) << 8) | clamp(ab[x]);
              }
            });
    return new RgbImage(width, height, out);
  }

  private static int clamp(float v) {
    int i = (int) (v + 0.5f);
    return i < 0 ? 0 : Math.min(i, 255);
  }

  /** For each output index: the first source index and the normalised weights from there on. */
  private record Weights(int[] start, float[][] weights) {

    static Weights of(int srcSize, int dstSize, boolean lanczos) {
      double scale = (double) srcSize / dstSize;
      int[] start = new int[dstSize];
      float[][] weights = new float[dstSize][];
      for (int i = 0; i < dstSize; i++) {
        double lo, hi;
        double centre = (i + 0.5) * scale; // in source pixel units, pixel j spans [j, j+1)
        double support = lanczos ? 3 * Math.max(1, scale) : Math.max(0.5, scale / 2);
        lo = centre - support;
        hi = centre + support;
        int first = Math.max(0, (int) Math.floor(lo));
        int last = Math.min(srcSize - 1, (int) Math.ceil(hi) - 1);
        float[] w = new float[last - first + 1];
        double sum = 0;
        for (int j = first; j <= last; j++) {
          double weight;
          if (lanczos) {
            double t = (j + 0.5 - centre) / Math.max(1, scale);
            weight = lanczos3(t);
          } else {
            weight = Math.max(0, Math.min(j + 1, hi) - Math.max(j, lo)); // overlap length
          }
          w[j - first] = (float) weight;
          sum += weight;
        }
        for (int k = 0; k < w.length; k++) w[k] /= (float) sum;
        start[i] = first;
        weights[i] = w;
      }
      return new Weights(start, weights);
    }

    private static double lanczos3(double t) {
      if (t == 0) return 1;
      if (Math.abs(t) >= 3) return 0;
      double pt = Math.PI * t;
      return 3 * Math.sin(pt) * Math.sin(pt / 3) / (pt * pt);
    }
  }
}
