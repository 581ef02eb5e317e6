package dev.facet.imaging.matte;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.divide;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_imgproc.boxFilter;

import dev.facet.imaging.OpenCv;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * He, Sun and Tang's guided filter (2010) with a grey guide: the output is, in every window, the
 * linear function of the guide closest to the input, so it follows the guide's edges. Six box
 * filters, in OpenCV's vectorised arithmetic; written here because OpenCV's own (ximgproc) pulls in
 * its GUI module, which a headless server has no libraries for.
 */
final class GuidedFilter {

  private GuidedFilter() {}

  /**
   * @param guide single-channel float image
   * @param input single-channel float image of the same size
   * @param radius window radius, px
   * @param eps regularisation: smaller follows the guide's edges more closely
   */
  static float[] apply(Mat guide, Mat input, int radius, double eps) {
    // A dozen full-size intermediates: released as soon as the result is read, not with the matte.
    try (PointerScope scope = new PointerScope()) {
      Mat meanI = mean(guide, radius), meanP = mean(input, radius);
      Mat cov = subtract(mean(product(guide, input), radius), product(meanI, meanP));
      Mat var = subtract(mean(product(guide, guide), radius), product(meanI, meanI));
      Mat varEps = new Mat(), a = new Mat(), out = new Mat();
      var.convertTo(varEps, -1, 1, eps);
      divide(cov, varEps, a);
      Mat b = subtract(meanP, product(a, meanI));
      add(product(mean(a, radius), guide), mean(b, radius), out);
      return OpenCv.floats(out);
    }
  }

  private static Mat product(Mat x, Mat y) {
    Mat out = new Mat();
    multiply(x, y, out);
    return out;
  }

  private static Mat subtract(Mat x, Mat y) {
    Mat out = new Mat();
    org.bytedeco.opencv.global.opencv_core.subtract(x, y, out);
    return out;
  }

  private static Mat mean(Mat v, int radius) {
    Mat out = new Mat();
    boxFilter(
        v,
        out,
        -1,
        new Size(2 * radius + 1, 2 * radius + 1),
        new Point(-1, -1),
        true,
        BORDER_REFLECT);
    return out;
  }
}
