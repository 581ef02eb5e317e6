package dev.facet.imaging.matte;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.facet.imaging.OpenCv;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The colour of one side of the outline (the product's, or the backdrop's) near any pixel: the
 * average of that side's pixels nearby (a normalised Gaussian), widened {@link #FAR} times where
 * that side has no pixels close by. The sums are gathered on a copy {@link #SHRINK} times smaller,
 * strip by strip, and blurred there: an average over a dozen pixels is smooth, and the full-size
 * blurs of a 3000 px photo took most of the matte's time and memory. Only the outline's band reads
 * it, by bilinear interpolation.
 */
final class SideColour {

  /**
   * Full-size pixels per pixel of the copy the sums are gathered on; strips are multiples of it.
   */
  static final int SHRINK = 3;

  /** The wider average, where a side has no pixels within the near one, in multiples of sigma. */
  private static final double FAR = 3;

  /** Below this density of the side's pixels nearby, the wider average is used. */
  private static final float SPARSE = 1e-3f;

  private final int width, height, originX, originY;
  private final float[] near, nearDensity, far, farDensity;

  private SideColour(
      int width, int height, int originX, int originY, Mat sum, Mat weight, double sigma) {
    this.width = width;
    this.height = height;
    this.originX = originX;
    this.originY = originY;
    double small = sigma / SHRINK;
    near = OpenCv.floats(OpenCv.gaussian(sum, small));
    nearDensity = OpenCv.floats(OpenCv.gaussian(weight, small));
    far = OpenCv.floats(OpenCv.gaussian(sum, FAR * small));
    farDensity = OpenCv.floats(OpenCv.gaussian(weight, FAR * small));
  }

  /**
   * Gathers the sums of one side over a region whose size is a multiple of {@link #SHRINK}, a strip
   * at a time.
   */
  static final class Gatherer {
    private final int originX, originY;
    private final Mat sum, weight;

    /** For the region at ({@code originX}, {@code originY}) of {@code width} × {@code height}. */
    Gatherer(int originX, int originY, int width, int height) {
      this.originX = originX;
      this.originY = originY;
      sum = new Mat(height / SHRINK, width / SHRINK, CV_32FC3);
      weight = new Mat(height / SHRINK, width / SHRINK, CV_32F);
    }

    /**
     * Adds the strip starting {@code top} rows into the region: its linear colour and where the
     * side is (a 0/1 float Mat of the same size).
     */
    void add(int top, Mat linear, Mat side) {
      Mat side3 = new Mat(), weighted = new Mat();
      org.bytedeco.opencv.global.opencv_core.merge(new MatVector(side, side, side), side3);
      multiply(linear, side3, weighted);
      int rows = linear.rows() / SHRINK, y = top / SHRINK;
      Size size = new Size(sum.cols(), rows);
      resize(weighted, sum.rowRange(y, y + rows), size, 0, 0, INTER_AREA);
      resize(side, weight.rowRange(y, y + rows), size, 0, 0, INTER_AREA);
    }

    SideColour colour(double sigma) {
      return new SideColour(sum.cols(), sum.rows(), originX, originY, sum, weight, sigma);
    }
  }

  /**
   * The side's linear RGB at full-size pixel ({@code x}, {@code y}) of the photo, into {@code out}.
   */
  void at(int x, int y, float[] out, int offset) {
    float fx = (x - originX + 0.5f) / SHRINK - 0.5f, fy = (y - originY + 0.5f) / SHRINK - 0.5f;
    int x0 = (int) Math.floor(fx), y0 = (int) Math.floor(fy);
    float tx = fx - x0, ty = fy - y0;
    int xa = clamp(x0, width),
        xb = clamp(x0 + 1, width),
        ya = clamp(y0, height),
        yb = clamp(y0 + 1, height);
    int i00 = ya * width + xa, i01 = ya * width + xb, i10 = yb * width + xa, i11 = yb * width + xb;
    float w00 = (1 - tx) * (1 - ty), w01 = tx * (1 - ty), w10 = (1 - tx) * ty, w11 = tx * ty;
    float[] sum = near;
    float density =
        w00 * nearDensity[i00]
            + w01 * nearDensity[i01]
            + w10 * nearDensity[i10]
            + w11 * nearDensity[i11];
    if (density < SPARSE) {
      sum = far;
      density =
          w00 * farDensity[i00]
              + w01 * farDensity[i01]
              + w10 * farDensity[i10]
              + w11 * farDensity[i11];
    }
    density = Math.max(density, 1e-6f);
    for (int c = 0; c < 3; c++) {
      out[offset + c] =
          (w00 * sum[3 * i00 + c]
                  + w01 * sum[3 * i01 + c]
                  + w10 * sum[3 * i10 + c]
                  + w11 * sum[3 * i11 + c])
              / density;
    }
  }

  private static int clamp(int i, int size) {
    return Math.max(0, Math.min(size - 1, i));
  }
}
