package dev.facet.imaging.matte;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;

import dev.facet.imaging.OpenCv;
import java.nio.IntBuffer;
import java.util.Arrays;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The connected regions of a boolean map (label 0 = not in the map), with what the matte asks of
 * them: their size, whether they touch the frame, the share of their pixels with some property, the
 * median of a per-pixel value.
 */
final class Regions {

  final int width, height, count;
  final int[] labels;

  /** Pixels per label, index 0 unused. */
  final int[] sizes;

  /** Whether the region's bounding box reaches the frame edge. */
  final boolean[] touchesFrame;

  /** How many columns the region spans, index 0 unused. */
  final int[] widths;

  private Regions(
      int width,
      int height,
      int count,
      int[] labels,
      int[] sizes,
      boolean[] touchesFrame,
      int[] widths) {
    this.width = width;
    this.height = height;
    this.count = count;
    this.labels = labels;
    this.sizes = sizes;
    this.touchesFrame = touchesFrame;
    this.widths = widths;
  }

  /** Regions of {@code bits}, connected through edges (4) or also corners (8). */
  static Regions of(int width, int height, boolean[] bits, boolean eightConnected) {
    Mat labels = new Mat(), stats = new Mat(), centroids = new Mat();
    int n =
        connectedComponentsWithStats(
                OpenCv.bytes(width, height, bits),
                labels,
                stats,
                centroids,
                eightConnected ? 8 : 4,
                CV_32S)
            - 1;
    int[] l = new int[width * height];
    ((IntBuffer) labels.createBuffer()).get(l);
    int[] s = new int[(n + 1) * 5];
    ((IntBuffer) stats.createBuffer()).get(s);
    int[] sizes = new int[n + 1], widths = new int[n + 1];
    boolean[] frame = new boolean[n + 1];
    for (int i = 1; i <= n; i++) {
      int x = s[5 * i + CC_STAT_LEFT], y = s[5 * i + CC_STAT_TOP];
      int w = s[5 * i + CC_STAT_WIDTH], h = s[5 * i + CC_STAT_HEIGHT];
      sizes[i] = s[5 * i + CC_STAT_AREA];
      widths[i] = w;
      frame[i] = x == 0 || y == 0 || x + w == width || y + h == height;
    }
    return new Regions(width, height, n, l, sizes, frame, widths);
  }

  /**
   * The regions {@code walls} leave open once gaps narrower than twice {@code bridge} are closed
   * (4-connected, so a diagonal step in a wall does not let them through).
   */
  static Regions openBetween(int width, int height, boolean[] walls, int bridge) {
    boolean[] bridged = OpenCv.morph(width, height, walls, bridge);
    boolean[] open = new boolean[bridged.length];
    for (int i = 0; i < open.length; i++) open[i] = !bridged[i];
    return of(width, height, open, false);
  }

  /** Pixels of the regions that reach the frame. */
  boolean[] reachingFrame() {
    boolean[] out = new boolean[labels.length];
    for (int i = 0; i < out.length; i++) out[i] = touchesFrame[labels[i]];
    return out;
  }

  /** The map without regions smaller than {@code minSize}. */
  boolean[] keepLarger(int minSize) {
    boolean[] out = new boolean[labels.length];
    for (int i = 0; i < out.length; i++) out[i] = labels[i] != 0 && sizes[labels[i]] >= minSize;
    return out;
  }

  int largest() {
    int best = 0;
    for (int i = 1; i <= count; i++) best = Math.max(best, sizes[i]);
    return best;
  }

  /** Per region, the share of its pixels where {@code flag} holds. */
  double[] share(boolean[] flag) {
    int[] hits = new int[count + 1];
    for (int i = 0; i < labels.length; i++) if (flag[i]) hits[labels[i]]++;
    double[] out = new double[count + 1];
    for (int r = 1; r <= count; r++) out[r] = (double) hits[r] / Math.max(1, sizes[r]);
    return out;
  }

  /** Whether each region holds at least one pixel where {@code flag} holds. */
  boolean[] anyOf(boolean[] flag) {
    boolean[] out = new boolean[count + 1];
    for (int i = 0; i < labels.length; i++) if (flag[i]) out[labels[i]] = true;
    out[0] = false;
    return out;
  }

  /** Pixels whose region is selected. */
  boolean[] select(boolean[] regions) {
    boolean[] out = new boolean[labels.length];
    for (int i = 0; i < out.length; i++) out[i] = regions[labels[i]];
    return out;
  }

  /** Per region, the median of each of {@code channels} interleaved values. */
  double[][] medians(float[] values, int channels) {
    int[] start = new int[count + 2];
    for (int l : labels) start[l + 1]++;
    for (int r = 0; r <= count; r++) start[r + 1] += start[r];
    int[] next = Arrays.copyOf(start, count + 1);
    int[] order = new int[labels.length];
    for (int i = 0; i < labels.length; i++) order[next[labels[i]]++] = i;
    double[][] out = new double[count + 1][channels];
    for (int r = 1; r <= count; r++) {
      int n = start[r + 1] - start[r];
      float[] v = new float[n];
      for (int c = 0; c < channels; c++) {
        for (int k = 0; k < n; k++) v[k] = values[order[start[r] + k] * channels + c];
        Arrays.sort(v);
        out[r][c] = n == 0 ? 0 : v[n / 2];
      }
    }
    return out;
  }
}
