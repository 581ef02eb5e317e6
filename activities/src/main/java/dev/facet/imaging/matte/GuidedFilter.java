package dev.facet.imaging.matte;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_imgproc.boxFilter;

import dev.facet.imaging.OpenCv;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * He, Sun and Tang's guided filter (2010) with a grey guide: the output is, in every window, the
 * linear function of the guide closest to the input, so it follows the guide's edges. Six box
 * filters; written here because OpenCV's own (ximgproc) pulls in its GUI module, which a headless
 * server has no libraries for.
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
    float[] i = OpenCv.floats(guide), p = OpenCv.floats(input);
    int n = i.length, w = guide.cols(), h = guide.rows();
    float[] ip = new float[n], ii = new float[n];
    for (int k = 0; k < n; k++) {
      ip[k] = i[k] * p[k];
      ii[k] = i[k] * i[k];
    }
    float[] meanI = mean(i, w, h, radius), meanP = mean(p, w, h, radius);
    float[] meanIp = mean(ip, w, h, radius), meanIi = mean(ii, w, h, radius);
    float[] a = new float[n], b = new float[n];
    for (int k = 0; k < n; k++) {
      float cov = meanIp[k] - meanI[k] * meanP[k], var = meanIi[k] - meanI[k] * meanI[k];
      a[k] = (float) (cov / (var + eps));
      b[k] = meanP[k] - a[k] * meanI[k];
    }
    float[] meanA = mean(a, w, h, radius), meanB = mean(b, w, h, radius);
    float[] out = new float[n];
    for (int k = 0; k < n; k++) out[k] = meanA[k] * i[k] + meanB[k];
    return out;
  }

  private static float[] mean(float[] v, int w, int h, int radius) {
    Mat out = new Mat();
    boxFilter(OpenCv.floats(w, h, v), out, -1, new Size(2 * radius + 1, 2 * radius + 1), new Point(-1, -1), true,
        BORDER_REFLECT);
    return OpenCv.floats(out);
  }
}
