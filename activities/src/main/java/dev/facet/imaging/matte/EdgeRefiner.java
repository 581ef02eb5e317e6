package dev.facet.imaging.matte;

import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.facet.imaging.OpenCv;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Box;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The matte at full size: along the coarse outline, each pixel is a mix of the product and what is
 * behind it, {@code I = αF + (1 − α)B}. Both colours are estimated from their own side of the
 * outline nearby (B from the backdrop or shadow just outside, F from the piece just inside), α is
 * where I lies between them, and F is unmixed, so no beige or grey fringe follows the piece. Where
 * product and backdrop have nearly the same colour (white metal on white) α cannot be measured and
 * the outline's smoothed position stands in; a guided filter then snaps α to the photo's edges.
 */
final class EdgeRefiner {

  /**
   * The wider average, where a side has no pixels within the near one, in multiples of its sigma.
   */
  private static final double FAR = 3;

  /** Unmixing divides by α; below this the estimate of F nearby is used instead. */
  private static final float MIN_ALPHA = 0.05f;

  private EdgeRefiner() {}

  static ProductMatte refine(RgbImage photo, Cues cues, boolean[] coarse, MattingSettings s) {
    int width = photo.width(), height = photo.height();
    Mat coarseMat = OpenCv.bytes(cues.width, cues.height, coarse);
    Mat full = new Mat();
    resize(coarseMat, full, new Size(width, height), 0, 0, INTER_NEAREST);
    float[] alpha = new float[width * height];
    float[] foreground = new float[width * height * 3];
    Box box = boundingBox(OpenCv.bits(full), width, height);
    if (box == null) {
      return new ProductMatte(width, height, alpha, foreground, cues.backdrop.at(width, height));
    }
    // Work on the product's neighbourhood only, in strips of rows, each with the context its
    // averages reach: full-size float copies of a 3000 px photo's whole neighbourhood took
    // gigabytes.
    int margin = s.edgeBand() + (int) Math.ceil(3 * s.edgeColourSigma()) + s.guidedRadius() + 2;
    Box roi = grown(box, margin, width, height);
    int reach = reach(s), end = roi.y() + roi.height();
    for (int top = roi.y(); top < end; top += STRIP) {
      int y0 = Math.max(roi.y(), top - reach), y1 = Math.min(end, top + STRIP + reach);
      try (PointerScope scope = new PointerScope()) {
        refine(
            photo,
            full,
            new Box(roi.x(), y0, roi.width(), y1 - y0),
            top,
            Math.min(end, top + STRIP),
            s,
            alpha,
            foreground);
      }
    }
    return new ProductMatte(width, height, alpha, foreground, cues.backdrop.at(width, height));
  }

  /**
   * Refines the rows {@code top} to {@code bottom} (exclusive) of the matte, reading the photo over
   * {@code roi}, which reaches {@link #reach} rows beyond them where the photo does.
   */
  private static void refine(
      RgbImage photo,
      Mat full,
      Box roi,
      int top,
      int bottom,
      MattingSettings s,
      float[] alpha,
      float[] foreground) {
    Rect rect = new Rect(roi.x(), roi.y(), roi.width(), roi.height());
    int width = full.cols();
    int w = roi.width(), h = roi.height(), n = w * h;

    Mat m = new Mat(full, rect).clone();
    boolean[] in = OpenCv.bits(m);
    boolean[] inner = OpenCv.bits(OpenCv.eroded(m, s.edgeBand()));
    boolean[] near = OpenCv.bits(OpenCv.dilated(m, s.edgeBand()));
    Mat linearMat = OpenCv.linearRgb(photo, roi);
    float[] lin = OpenCv.floats(linearMat);
    float[] back = sideColour(linearMat, w, h, not(near), s.edgeColourSigma());
    float[] front = sideColour(linearMat, w, h, inner, s.edgeColourSigma());
    float[] prior = OpenCv.floats(OpenCv.gaussian(OpenCv.floats(w, h, toFloats(in)), 1.0));

    float[] a = new float[n];
    double contrast2 = s.edgeContrast() * s.edgeContrast();
    for (int i = 0; i < n; i++) {
      if (inner[i]) {
        a[i] = 1;
      } else if (!near[i]) {
        a[i] = 0;
      } else {
        double dot = 0, d2 = 0;
        for (int c = 0; c < 3; c++) {
          double d = front[3 * i + c] - back[3 * i + c];
          dot += (lin[3 * i + c] - back[3 * i + c]) * d;
          d2 += d * d;
        }
        double along = dot / Math.max(d2, 1e-8), measured = Math.max(0, Math.min(1, along));
        // A pixel the mix of the two sides cannot explain (a highlight lighter than both) says
        // nothing about α: the farther it lies from the mix, the less it is trusted. Beyond the
        // piece's own colour it is piece, however far.
        double residual2 = 0;
        for (int c = 0; c < 3 && along < 1; c++) {
          double r =
              lin[3 * i + c] - (measured * front[3 * i + c] + (1 - measured) * back[3 * i + c]);
          residual2 += r * r;
        }
        double trust =
            Math.min(1, d2 / contrast2) * Math.min(1, contrast2 / Math.max(residual2, 1e-12));
        a[i] = (float) (trust * measured + (1 - trust) * prior[i]);
      }
    }
    float[] refined =
        GuidedFilter.apply(
            grey(photo, roi), OpenCv.floats(w, h, a), s.guidedRadius(), s.guidedEps());

    for (int y = top - roi.y(); y < bottom - roi.y(); y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x, o = (roi.y() + y) * width + roi.x() + x;
        float al = inner[i] ? 1 : !near[i] ? 0 : Math.max(0, Math.min(1, refined[i]));
        alpha[o] = al;
        for (int c = 0; c < 3; c++) {
          float f =
              al > MIN_ALPHA
                  ? (lin[3 * i + c] - (1 - al) * back[3 * i + c]) / al
                  : front[3 * i + c];
          foreground[3 * o + c] = Math.max(0, Math.min(1, f));
        }
      }
    }
  }

  /**
   * Rows per strip. It and {@link #reach} are multiples of 3, the far average's shrink at the
   * calibrated sigma (18 / {@link #SMOOTH_SIGMA}), so each strip sees that shrunk grid as the whole
   * photo would.
   */
  private static final int STRIP = 480;

  /**
   * How far (px) a strip's averages and filters reach: OpenCV's float Gaussian spans 4 sigma, the
   * far side average's the widest, then the edge band, the guided filter's two box passes and the
   * shrink's interpolation.
   */
  private static int reach(MattingSettings s) {
    int r =
        (int) Math.ceil(4 * FAR * s.edgeColourSigma()) + s.edgeBand() + 2 * s.guidedRadius() + 3;
    return (r + 2) / 3 * 3;
  }

  /**
   * The colour of one side of the outline at every pixel: the average of that side's pixels nearby
   * (a normalised Gaussian), widened where that side has no pixels close by.
   */
  private static float[] sideColour(Mat linear, int w, int h, boolean[] side, double sigma) {
    // Its full-size intermediates go as soon as it returns, not with the whole matte's.
    try (PointerScope scope = new PointerScope()) {
      Mat weight = OpenCv.floats(w, h, toFloats(side));
      float[] near = average(linear, weight, sigma), far = null;
      float[] density = OpenCv.floats(smooth(weight, sigma));
      for (int i = 0; i < density.length; i++) {
        if (density[i] < 1e-3f) {
          if (far == null) far = average(linear, weight, FAR * sigma);
          for (int c = 0; c < 3; c++) near[3 * i + c] = far[3 * i + c];
        }
      }
      return near;
    }
  }

  private static float[] average(Mat linear, Mat weight, double sigma) {
    Mat weight3 = new Mat(), weighted = new Mat();
    merge(new MatVector(weight, weight, weight), weight3);
    multiply(linear, weight3, weighted);
    float[] sum = OpenCv.floats(smooth(weighted, sigma));
    float[] density = OpenCv.floats(smooth(weight, sigma));
    for (int i = 0; i < density.length; i++) {
      float d = Math.max(density[i], 1e-6f);
      for (int c = 0; c < 3; c++) sum[3 * i + c] /= d;
    }
    return sum;
  }

  /**
   * A Gaussian blur of {@code sigma} px, taken on a copy shrunk so the blur spans a few pixels
   * there and scaled back: an average over a dozen pixels or more is smooth, and on a 3000 px photo
   * the full-size blur took most of the matte's time and memory.
   */
  private static Mat smooth(Mat m, double sigma) {
    int shrink = Math.max(1, (int) (sigma / SMOOTH_SIGMA));
    if (shrink == 1) return OpenCv.gaussian(m, sigma);
    Mat small = new Mat(), out = new Mat();
    Size size = m.size();
    resize(
        m,
        small,
        new Size(Math.max(1, size.width() / shrink), Math.max(1, size.height() / shrink)),
        0,
        0,
        INTER_AREA);
    resize(OpenCv.gaussian(small, sigma / shrink), out, size, 0, 0, INTER_LINEAR);
    return out;
  }

  /** The blur's sigma (px) on the shrunk copy: enough pixels that scaling back adds no steps. */
  private static final double SMOOTH_SIGMA = 6;

  /** The photo's grey levels (0-1, as displayed) over the box: the guide the alpha snaps to. */
  private static Mat grey(RgbImage photo, Box roi) {
    float[] g = new float[roi.width() * roi.height()];
    for (int y = 0; y < roi.height(); y++) {
      for (int x = 0; x < roi.width(); x++) {
        int p = photo.rgb(roi.x() + x, roi.y() + y);
        g[y * roi.width() + x] =
            (0.299f * RgbImage.red(p) + 0.587f * RgbImage.green(p) + 0.114f * RgbImage.blue(p))
                / 255f;
      }
    }
    return OpenCv.floats(roi.width(), roi.height(), g);
  }

  private static Box grown(Box box, int margin, int width, int height) {
    int x0 = Math.max(0, box.x() - margin), y0 = Math.max(0, box.y() - margin);
    int x1 = Math.min(width, box.x() + box.width() + margin),
        y1 = Math.min(height, box.y() + box.height() + margin);
    return new Box(x0, y0, x1 - x0, y1 - y0);
  }

  private static Box boundingBox(boolean[] bits, int w, int h) {
    int x0 = w, y0 = h, x1 = -1, y1 = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (bits[y * w + x]) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = y;
        }
      }
    }
    return x1 < 0 ? null : new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
  }

  private static float[] toFloats(boolean[] bits) {
    float[] out = new float[bits.length];
    for (int i = 0; i < bits.length; i++) out[i] = bits[i] ? 1 : 0;
    return out;
  }

  private static boolean[] not(boolean[] bits) {
    boolean[] out = new boolean[bits.length];
    for (int i = 0; i < bits.length; i++) out[i] = !bits[i];
    return out;
  }
}
