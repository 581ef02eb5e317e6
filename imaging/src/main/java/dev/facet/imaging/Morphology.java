package dev.facet.imaging;

import java.util.Arrays;

/**
 * Binary morphology by Euclidean distance transform (Felzenszwalb and Huttenlocher 2012): dilating
 * or eroding by a disk of any radius costs the same few passes, so a radius-6 closing on a 3 MP
 * mask takes milliseconds instead of a 113-tap loop per pixel.
 */
public final class Morphology {

  private static final float INF = 1e20f;

  private Morphology() {}

  /** Pixels within {@code radius} of a set pixel. */
  public static Mask dilate(Mask mask, double radius) {
    if (radius == 1) {
      return cross(mask, true);
    }
    float[] d = squaredDistanceTo(mask, true);
    double r2 = radius * radius;
    boolean[] out = new boolean[d.length];
    for (int i = 0; i < d.length; i++) out[i] = d[i] <= r2;
    return new Mask(mask.width(), mask.height(), out);
  }

  /** Set pixels farther than {@code radius} from every unset pixel (the frame counts as set). */
  public static Mask erode(Mask mask, double radius) {
    if (radius == 1) {
      return cross(mask, false);
    }
    float[] d = squaredDistanceTo(mask, false);
    double r2 = radius * radius;
    boolean[] out = new boolean[d.length];
    for (int i = 0; i < d.length; i++) out[i] = d[i] > r2;
    return new Mask(mask.width(), mask.height(), out);
  }

  public static Mask open(Mask mask, double radius) {
    return dilate(erode(mask, radius), radius);
  }

  public static Mask close(Mask mask, double radius) {
    return erode(dilate(mask, radius), radius);
  }

  /**
   * Radius 1 (the 3x3 cross, the same pixels the distance transform gives) without a transform: a
   * pixel takes {@code spread} if it or a 4-neighbour has it.
   */
  private static Mask cross(Mask mask, boolean spread) {
    int w = mask.width(), h = mask.height();
    boolean[] in = mask.bits(), out = new boolean[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        boolean reached =
            in[i] == spread
                || (x > 0 && in[i - 1] == spread)
                || (x < w - 1 && in[i + 1] == spread)
                || (y > 0 && in[i - w] == spread)
                || (y < h - 1 && in[i + w] == spread);
        out[i] = reached ? spread : !spread;
      }
    }
    return new Mask(w, h, out);
  }

  /** Squared distance of every pixel to the nearest pixel whose bit equals {@code target}. */
  public static float[] squaredDistanceTo(Mask mask, boolean target) {
    int w = mask.width(), h = mask.height();
    boolean[] bits = mask.bits();
    float[] grid = new float[w * h];
    for (int i = 0; i < grid.length; i++) grid[i] = bits[i] == target ? 0 : INF;
    int n = Math.max(w, h);
    float[] f = new float[n], d = new float[n], z = new float[n + 1];
    int[] v = new int[n];
    for (int x = 0; x < w; x++) {
      for (int y = 0; y < h; y++) f[y] = grid[y * w + x];
      transform1d(f, h, d, v, z);
      for (int y = 0; y < h; y++) grid[y * w + x] = d[y];
    }
    for (int y = 0; y < h; y++) {
      System.arraycopy(grid, y * w, f, 0, w);
      transform1d(f, w, d, v, z);
      System.arraycopy(d, 0, grid, y * w, w);
    }
    return grid;
  }

  /** 1-D squared distance transform: the lower envelope of parabolas rooted at f. */
  private static void transform1d(float[] f, int n, float[] d, int[] v, float[] z) {
    int k = 0;
    v[0] = 0;
    z[0] = -INF;
    z[1] = INF;
    for (int q = 1; q < n; q++) {
      float s = ((f[q] + q * q) - (f[v[k]] + v[k] * v[k])) / (2f * q - 2f * v[k]);
      while (s <= z[k]) {
        k--;
        s = ((f[q] + q * q) - (f[v[k]] + v[k] * v[k])) / (2f * q - 2f * v[k]);
      }
      k++;
      v[k] = q;
      z[k] = s;
      z[k + 1] = INF;
    }
    k = 0;
    for (int q = 0; q < n; q++) {
      while (z[k + 1] < q) k++;
      float dq = q - v[k];
      d[q] = dq * dq + f[v[k]];
    }
  }

  /** 4-connected components of the set pixels. */
  public static Components components(Mask mask) {
    return Components.of(mask.width(), mask.height(), mask.bits());
  }

  /**
   * Connected components, 4-connected.
   *
   * @param labels 0 for unset pixels, 1..count for the components
   * @param sizes pixel count per label, index 0 unused
   */
  public record Components(int[] labels, int count, int[] sizes) {

    static Components of(int w, int h, boolean[] bits) {
      int[] labels = new int[bits.length];
      int[] stack = new int[bits.length];
      int count = 0;
      int[] sizes = new int[16];
      for (int start = 0; start < bits.length; start++) {
        if (!bits[start] || labels[start] != 0) {
          continue;
        }
        count++;
        if (count >= sizes.length) sizes = Arrays.copyOf(sizes, sizes.length * 2);
        int top = 0, size = 0;
        stack[top++] = start;
        labels[start] = count;
        while (top > 0) {
          int p = stack[--top];
          size++;
          int x = p % w, y = p / w;
          if (x > 0 && bits[p - 1] && labels[p - 1] == 0) {
            labels[p - 1] = count;
            stack[top++] = p - 1;
          }
          if (x < w - 1 && bits[p + 1] && labels[p + 1] == 0) {
            labels[p + 1] = count;
            stack[top++] = p + 1;
          }
          if (y > 0 && bits[p - w] && labels[p - w] == 0) {
            labels[p - w] = count;
            stack[top++] = p - w;
          }
          if (y < h - 1 && bits[p + w] && labels[p + w] == 0) {
            labels[p + w] = count;
            stack[top++] = p + w;
          }
        }
        sizes[count] = size;
      }
      return new Components(labels, count, Arrays.copyOf(sizes, count + 1));
    }

    /** Whether each label has a pixel on the frame's edge. */
    public boolean[] touchingFrame(int w, int h) {
      boolean[] touches = new boolean[count + 1];
      for (int x = 0; x < w; x++) {
        touches[labels[x]] = true;
        touches[labels[(h - 1) * w + x]] = true;
      }
      for (int y = 0; y < h; y++) {
        touches[labels[y * w]] = true;
        touches[labels[y * w + w - 1]] = true;
      }
      return touches;
    }

    /** Per label, the share of its pixels where {@code flag} is set. */
    public double[] share(boolean[] flag) {
      int[] hits = new int[count + 1];
      for (int i = 0; i < labels.length; i++) if (flag[i]) hits[labels[i]]++;
      double[] out = new double[count + 1];
      for (int l = 1; l <= count; l++) out[l] = (double) hits[l] / sizes[l];
      return out;
    }
  }
}
