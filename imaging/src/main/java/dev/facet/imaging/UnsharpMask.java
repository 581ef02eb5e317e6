package dev.facet.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.lessThan;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.min;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.erode;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.sepFilter2D;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Unsharp masking: adds back {@code amount} times the difference between the image and its Gaussian
 * blur. Differences under {@link #THRESHOLD} levels are left alone, so flat backgrounds and noise
 * stay as they are (a pure white background stays exactly white). The result never leaves the range
 * of its 3x3 neighbourhood: no halo along the outline, and a white-metal highlight kept just under
 * the background's white is not pushed into it. All of it in OpenCV, three channels at once.
 */
public final class UnsharpMask {

  static final float THRESHOLD = 2f;

  private UnsharpMask() {}

  public static RgbImage apply(RgbImage image, double sigma, double amount) {
    if (amount <= 0) {
      return image;
    }
    int[] out = new int[image.width() * image.height()];
    float[] k = Plane.gaussianKernel(sigma); // Plane.gaussian's kernel, edges clamped as there
    int reach = k.length / 2 + 1;
    try (PointerScope scope = new PointerScope()) {
      Mat rgb = OpenCv.rgb8(image), kernel = OpenCv.floats(1, k.length, k);
      // In strips of rows, each with the rows its blur reaches: float copies of the whole image
      // were 200 MB of native memory at 2000 px.
      for (int top = 0; top < image.height(); top += STRIP) {
        int bottom = Math.min(image.height(), top + STRIP);
        int from = Math.max(0, top - reach), to = Math.min(image.height(), bottom + reach);
        try (PointerScope strip = new PointerScope()) {
          Mat sharp = sharpened(rgb.rowRange(from, to).clone(), kernel, amount);
          int[] rows = OpenCv.image(sharp.rowRange(top - from, bottom - from)).pixels();
          System.arraycopy(rows, 0, out, top * image.width(), rows.length);
        }
      }
    }
    return new RgbImage(image.width(), image.height(), out);
  }

  /** Rows per strip. */
  private static final int STRIP = 256;

  /** The 8-bit RGB {@code rgb} sharpened. */
  private static Mat sharpened(Mat rgb, Mat kernel, double amount) {
    Mat v = new Mat(), blur = new Mat();
    rgb.convertTo(v, CV_32F);
    sepFilter2D(v, blur, CV_32F, kernel, kernel, new Point(-1, -1), 0, BORDER_REPLICATE);
    Mat sharp = new Mat(), out = new Mat();
    addWeighted(v, 1 + amount, blur, -amount, 0, sharp);
    sharp.convertTo(out, CV_8U);
    // Within the 3x3 neighbourhood's range (the frame's edge is no neighbour): whole levels, so
    // clamping after rounding is the same as before.
    Mat box = getStructuringElement(MORPH_RECT, new Size(3, 3));
    Mat lo = new Mat(), hi = new Mat();
    erode(rgb, lo, box);
    dilate(rgb, hi, box);
    min(out, hi, out);
    max(out, lo, out);
    Mat diff = new Mat();
    absdiff(v, blur, diff);
    rgb.copyTo(out, lessThan(diff, THRESHOLD).asMat());
    return out;
  }
}
