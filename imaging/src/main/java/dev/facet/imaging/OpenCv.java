package dev.facet.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.LUT;
import static org.bytedeco.opencv.global.opencv_imgproc.DIST_L2;
import static org.bytedeco.opencv.global.opencv_imgproc.DIST_MASK_5;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.distanceTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.erode;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;

import dev.facet.model.Box;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Facet's pixel arrays in and out of OpenCV (through JavaCPP), and the few idioms every caller
 * needs. OpenCV does the heavy neighbourhood work (filters, morphology, labelling, edges); the
 * per-pixel rules stay in Java arrays, where they read as what they mean.
 *
 * <p>Callers create Mats inside a {@link org.bytedeco.javacpp.PointerScope}, so native memory is
 * released when the scope closes rather than whenever the garbage collector gets to it.
 */
public final class OpenCv {

  private OpenCv() {}

  /** A single-channel float Mat holding a copy of {@code values}. */
  public static Mat floats(int width, int height, float[] values) {
    Mat m = new Mat(height, width, CV_32F);
    ((FloatBuffer) m.createBuffer()).put(values);
    return m;
  }

  /** The values of a continuous float Mat, of any channel count, interleaved. */
  public static float[] floats(Mat m) {
    float[] out = new float[(int) (m.total() * m.channels())];
    ((FloatBuffer) continuous(m).createBuffer()).get(out);
    return out;
  }

  /** A 0/1 byte Mat of a boolean map. */
  public static Mat bytes(int width, int height, boolean[] bits) {
    return bytes(width, height, bits, 1);
  }

  /**
   * A byte Mat of a boolean map: {@code on} where it holds, 0 elsewhere (255 to resample it as
   * grey).
   */
  public static Mat bytes(int width, int height, boolean[] bits, int on) {
    byte[] b = new byte[bits.length];
    for (int i = 0; i < bits.length; i++) b[i] = (byte) (bits[i] ? on : 0);
    Mat m = new Mat(height, width, CV_8U);
    ((ByteBuffer) m.createBuffer()).put(b);
    return m;
  }

  /** The values of a byte Mat, of any channel count, interleaved. */
  public static byte[] bytes(Mat m) {
    byte[] b = new byte[(int) (m.total() * m.channels())];
    ((ByteBuffer) continuous(m).createBuffer()).get(b);
    return b;
  }

  /** Non-zero pixels of a single-channel byte Mat. */
  public static boolean[] bits(Mat m) {
    byte[] b = bytes(m);
    boolean[] out = new boolean[b.length];
    for (int i = 0; i < b.length; i++) out[i] = b[i] != 0;
    return out;
  }

  /** The image as interleaved linear-light RGB floats (CV_32FC3), sRGB decoded by table. */
  public static Mat linearRgb(RgbImage image) {
    return linearRgb(image, new Box(0, 0, image.width(), image.height()));
  }

  /**
   * The linear RGB of one rectangle of the image, through a table from its 8-bit copy: a float copy
   * of a large photo in Java as well as in OpenCV would be hundreds of MB.
   */
  public static Mat linearRgb(RgbImage image, Box region) {
    float[] table = new float[256];
    for (int v = 0; v < 256; v++) table[v] = ColourScience.linear(v);
    Mat out = new Mat();
    LUT(rgb8(image, region), floats(256, 1, table), out);
    return out;
  }

  /** The image as an 8-bit, three-channel Mat (R, G, B order). */
  public static Mat rgb8(RgbImage image) {
    return rgb8(image, new Box(0, 0, image.width(), image.height()));
  }

  /** One rectangle of the image as an 8-bit, three-channel Mat (R, G, B order). */
  public static Mat rgb8(RgbImage image, Box region) {
    int w = region.width(), h = region.height();
    byte[] b = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int p = image.rgb(region.x() + x, region.y() + y), i = 3 * (y * w + x);
        b[i] = (byte) RgbImage.red(p);
        b[i + 1] = (byte) RgbImage.green(p);
        b[i + 2] = (byte) RgbImage.blue(p);
      }
    }
    Mat m = new Mat(h, w, CV_8UC3);
    ((ByteBuffer) m.createBuffer()).put(b);
    return m;
  }

  /** An 8-bit, three-channel Mat (R, G, B order) as an image. */
  public static RgbImage image(Mat rgb8) {
    int w = rgb8.cols(), h = rgb8.rows();
    byte[] b = bytes(rgb8);
    int[] px = new int[w * h];
    for (int i = 0; i < px.length; i++) {
      px[i] = RgbImage.pack(b[3 * i] & 0xFF, b[3 * i + 1] & 0xFF, b[3 * i + 2] & 0xFF);
    }
    return new RgbImage(w, h, px);
  }

  /** A disc-shaped structuring element of the given radius. */
  public static Mat disc(int radius) {
    return getStructuringElement(MORPH_ELLIPSE, new Size(2 * radius + 1, 2 * radius + 1));
  }

  public static Mat gaussian(Mat src, double sigma) {
    Mat out = new Mat();
    GaussianBlur(src, out, new Size(0, 0), sigma);
    return out;
  }

  public static Mat dilated(Mat src, int radius) {
    Mat out = new Mat();
    dilate(src, out, disc(radius));
    return out;
  }

  public static Mat eroded(Mat src, int radius) {
    Mat out = new Mat();
    erode(src, out, disc(radius));
    return out;
  }

  /** Each pixel's Euclidean distance (px) to the nearest pixel of {@code to}. */
  public static Mat distance(int width, int height, boolean[] to) {
    boolean[] away = new boolean[to.length];
    for (int i = 0; i < to.length; i++) away[i] = !to[i];
    Mat out = new Mat();
    distanceTransform(bytes(width, height, away), out, DIST_L2, DIST_MASK_5);
    return out;
  }

  /** A boolean map grown ({@code radius > 0}) or shrunk ({@code < 0}) by a disc. */
  public static boolean[] morph(int width, int height, boolean[] bits, int radius) {
    if (radius == 0) return bits.clone();
    Mat m = bytes(width, height, bits);
    return bits(radius > 0 ? dilated(m, radius) : eroded(m, -radius));
  }

  private static Mat continuous(Mat m) {
    return m.isContinuous() ? m : m.clone();
  }
}
