package dev.facet.testing;

import dev.facet.imaging.Mask;
import dev.facet.imaging.Resampler;
import dev.facet.imaging.RgbImage;

/**
 * Does a finished image keep every pixel of the product, and nothing else? The measure of {@code
 * shared/tools/cutout_check.py}, the same steps in Java (with the scale refined between its steps):
 * the capture's ground-truth mask is aligned to the finished image (resized to {@link #SIDE}) by a
 * scale and shift search, then
 *
 * <ul>
 *   <li>kept: share of the product's pixels (mask eroded by 1 px; pixels already near-white in the
 *       capture left out) that are not background-white (min channel ≥ 240) in the finished image;
 *   <li>debris: dark pixels (min channel &lt; 200) outside the product's mask grown by 1 % of the
 *       frame, as a share of the product's area;
 *   <li>iou: overlap of the aligned mask with the finished image's non-white pixels.
 * </ul>
 *
 * Assumes the finished image shows the capture's view, only scaled and moved (as the studio
 * generator makes it).
 */
public final class CutoutCheck {

  /** Analysis resolution of the finished image. */
  static final int SIDE = 1000;

  private CutoutCheck() {}

  /**
   * The goal for a clean cut-out: no holes (kept) and no shadow or backdrop left (debris).
   */
  public static final double KEPT_GOAL = 0.985, DEBRIS_GOAL = 0.02;

  public record Figures(double kept, double debris, double iou) {
    public boolean clean() {
      return kept >= KEPT_GOAL && debris <= DEBRIS_GOAL;
    }
  }

  public static Figures judge(RgbImage finished, RgbImage capture, Mask groundTruth) {
    RgbImage fin = Resampler.average(finished, SIDE, SIDE);
    int[] finMin = minChannel(fin);
    boolean[] finMask = new boolean[finMin.length];
    for (int i = 0; i < finMin.length; i++) finMask[i] = finMin[i] < 240;
    Alignment a = align(groundTruth, finMask);
    boolean[] g =
        warp(
            groundTruth.bits(),
            groundTruth.width(),
            groundTruth.height(),
            a.scale,
            a.tx,
            a.ty,
            SIDE);
    int[] capMin = minChannel(capture);
    int[] c = warpValues(capMin, capture.width(), capture.height(), a.scale, a.tx, a.ty, SIDE);
    boolean[] core = erode(g, 1);
    long coreCount = 0, kept = 0, debris = 0, product = 0;
    for (int i = 0; i < core.length; i++) {
      if (g[i]) product++;
      if (core[i] && c[i] < 235) {
        coreCount++;
        if (finMask[i]) kept++;
      }
    }
    boolean[] outside = dilate(g, SIDE / 100);
    for (int i = 0; i < outside.length; i++) if (!outside[i] && finMin[i] < 200) debris++;
    return new Figures(
        (double) kept / Math.max(1, coreCount), (double) debris / Math.max(1, product), a.iou);
  }

  private record Alignment(double iou, double scale, double tx, double ty) {}

  /** Scale and shift that put the ground-truth mask on the finished image's non-white pixels. */
  private static Alignment align(Mask gt, boolean[] finMask) {
    final int k = 4, small = (SIDE + k - 1) / k;
    boolean[] smallF = new boolean[small * small];
    for (int y = 0; y < SIDE; y += k)
      for (int x = 0; x < SIDE; x += k) smallF[(y / k) * small + x / k] = finMask[y * SIDE + x];
    int[] gb = box(gt.bits(), gt.width(), gt.height()), fb = box(finMask, SIDE, SIDE);
    double s0 = (double) (fb[2] - fb[0]) / Math.max(1, gb[2] - gb[0]);
    Alignment best = new Alignment(-1, 1, 0, 0);
    for (int i = 0; i <= 20; i++) {
      double s = s0 * (0.85 + 0.3 * i / 20);
      double tx0 = fb[0] - s * gb[0], ty0 = fb[1] - s * gb[1];
      for (int dx = -24; dx <= 24; dx += 6) {
        for (int dy = -24; dy <= 24; dy += 6) {
          boolean[] w =
              warp(
                  gt.bits(), gt.width(), gt.height(), s / k, (tx0 + dx) / k, (ty0 + dy) / k, small);
          double iou = iou(w, smallF);
          if (iou > best.iou) best = new Alignment(iou, s, tx0 + dx, ty0 + dy);
        }
      }
    }
    Alignment coarse = best;
    for (int dx = -5; dx <= 5; dx++) {
      for (int dy = -5; dy <= 5; dy++) {
        boolean[] w =
            warp(
                gt.bits(),
                gt.width(),
                gt.height(),
                coarse.scale,
                coarse.tx + dx,
                coarse.ty + dy,
                SIDE);
        double iou = iou(w, finMask);
        if (iou > best.iou) best = new Alignment(iou, coarse.scale, coarse.tx + dx, coarse.ty + dy);
      }
    }
    return finerScale(gt, finMask, best);
  }

  /**
   * The scale refined between the search's steps (1.5 % apart), about the mask's centre: half a
   * step is 6 px at the ends of a bangle, which would read as lost rim on one side and as debris in
   * its opening on the other. Beyond {@code cutout_check.py}, which stops at its steps.
   */
  private static Alignment finerScale(Mask gt, boolean[] finMask, Alignment start) {
    int[] gb = box(gt.bits(), gt.width(), gt.height());
    double cx = (gb[0] + gb[2]) / 2.0, cy = (gb[1] + gb[3]) / 2.0;
    Alignment best = start;
    for (int i = -3; i <= 3; i++) {
      double s = start.scale * (1 + 0.0025 * i);
      double tx0 = start.tx + (start.scale - s) * cx, ty0 = start.ty + (start.scale - s) * cy;
      for (int dx = -2; dx <= 2; dx++) {
        for (int dy = -2; dy <= 2; dy++) {
          double iou =
              iou(warp(gt.bits(), gt.width(), gt.height(), s, tx0 + dx, ty0 + dy, SIDE), finMask);
          if (iou > best.iou) best = new Alignment(iou, s, tx0 + dx, ty0 + dy);
        }
      }
    }
    return best;
  }

  /**
   * {@code src} seen in a side x side frame where x_out = s * x_src + tx (nearest, rounding half to
   * even).
   */
  private static boolean[] warp(
      boolean[] src, int w, int h, double s, double tx, double ty, int side) {
    boolean[] out = new boolean[side * side];
    forEachSource(w, h, s, tx, ty, side, (o, i) -> out[o] = src[i]);
    return out;
  }

  /** The same for values; pixels the source does not cover read 0. */
  private static int[] warpValues(
      int[] src, int w, int h, double s, double tx, double ty, int side) {
    int[] out = new int[side * side];
    forEachSource(w, h, s, tx, ty, side, (o, i) -> out[o] = src[i]);
    return out;
  }

  private interface Copy {
    void from(int out, int src);
  }

  /**
   * Each pixel of the side x side frame that the w x h source covers, with the source pixel it
   * shows.
   */
  private static void forEachSource(
      int w, int h, double s, double tx, double ty, int side, Copy copy) {
    for (int y = 0; y < side; y++) {
      long sy = (long) Math.rint((y - ty) / s);
      if (sy < 0 || sy >= h) continue;
      for (int x = 0; x < side; x++) {
        long sx = (long) Math.rint((x - tx) / s);
        if (sx >= 0 && sx < w) copy.from(y * side + x, (int) sy * w + (int) sx);
      }
    }
  }

  private static double iou(boolean[] a, boolean[] b) {
    long inter = 0, union = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] && b[i]) inter++;
      if (a[i] || b[i]) union++;
    }
    return (double) inter / Math.max(1, union);
  }

  /** x0, y0, x1, y1 (inclusive) of the set pixels. */
  private static int[] box(boolean[] m, int w, int h) {
    int x0 = w, y0 = h, x1 = 0, y1 = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (m[y * w + x]) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    return new int[] {x0, y0, x1, y1};
  }

  /** Grows by {@code n} steps of the 4-neighbourhood, as the Python tool does. */
  private static boolean[] dilate(boolean[] m, int n) {
    boolean[] out = m.clone();
    for (int step = 0; step < n; step++) {
      boolean[] g = out.clone();
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          int i = y * SIDE + x;
          if (out[i]) continue;
          g[i] =
              (y > 0 && out[i - SIDE])
                  || (y < SIDE - 1 && out[i + SIDE])
                  || (x > 0 && out[i - 1])
                  || (x < SIDE - 1 && out[i + 1]);
        }
      }
      out = g;
    }
    return out;
  }

  private static boolean[] erode(boolean[] m, int n) {
    boolean[] inverse = new boolean[m.length];
    for (int i = 0; i < m.length; i++) inverse[i] = !m[i];
    boolean[] grown = dilate(inverse, n);
    for (int i = 0; i < m.length; i++) inverse[i] = !grown[i];
    return inverse;
  }

  private static int[] minChannel(RgbImage image) {
    int[] px = image.pixels(), out = new int[px.length];
    for (int i = 0; i < px.length; i++) {
      int p = px[i];
      out[i] = Math.min(RgbImage.red(p), Math.min(RgbImage.green(p), RgbImage.blue(p)));
    }
    return out;
  }
}
