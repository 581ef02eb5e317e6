package dev.facet.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.bytedeco.opencv.global.opencv_video.MOTION_AFFINE;
import static org.bytedeco.opencv.global.opencv_video.findTransformECC;

import dev.facet.model.Box;
import java.nio.ByteBuffer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * A product seen at a fixed size, so two photos of the same piece can be laid over each other: the
 * product's bounding box (plus a margin) scaled so its longest side spans {@link #SIDE} pixels,
 * centred in a square frame. {@link #alignedTo} then moves one view onto another (an affine fit of
 * their silhouettes), which is what QA compares pixel by pixel: what is missing, where the stones
 * are.
 *
 * @param rgb the view's pixels, packed sRGB ({@code fill} outside the photo)
 * @param product the product's pixels in the view
 * @param box where the view's square lies in the photo (for reporting evidence in photo terms)
 */
public record ProductView(int[] rgb, boolean[] product, Box box) {

  /** Side of the square frame, px: a small stone is still 8-15 px across. */
  public static final int SIDE = 384;
  /** Room around the product's box, share of its longest side. */
  private static final double MARGIN = 0.04;

  /** The view of the product {@code mask} marks in {@code image} (same size). */
  public static ProductView of(RgbImage image, Mask mask) {
    Box product = mask.box().orElseThrow(() -> new IllegalArgumentException("empty product mask"));
    int side = (int) Math.ceil(Math.max(product.width(), product.height()) * (1 + 2 * MARGIN));
    int x0 = product.x() + product.width() / 2 - side / 2, y0 = product.y() + product.height() / 2 - side / 2;
    Box square = new Box(x0, y0, side, side);
    try (PointerScope scope = new PointerScope()) {
      Mat canvas = new Mat(side, side, CV_8UC3, Scalar.all(0));
      Mat maskCanvas = new Mat(side, side, org.bytedeco.opencv.global.opencv_core.CV_8U, Scalar.all(0));
      // The part of the square inside the photo.
      int ix0 = Math.max(0, x0), iy0 = Math.max(0, y0);
      int ix1 = Math.min(image.width(), x0 + side), iy1 = Math.min(image.height(), y0 + side);
      Rect inPhoto = new Rect(ix0, iy0, ix1 - ix0, iy1 - iy0);
      Rect inSquare = new Rect(ix0 - x0, iy0 - y0, ix1 - ix0, iy1 - iy0);
      new Mat(OpenCv.rgb8(image), inPhoto).copyTo(new Mat(canvas, inSquare));
      Mat maskBytes = OpenCv.bytes(image.width(), image.height(), mask.bits(), 255);
      new Mat(maskBytes, inPhoto).copyTo(new Mat(maskCanvas, inSquare));
      Mat small = new Mat(), smallMask = new Mat();
      resize(canvas, small, new Size(SIDE, SIDE), 0, 0, INTER_AREA);
      resize(maskCanvas, smallMask, new Size(SIDE, SIDE), 0, 0, INTER_AREA);
      return new ProductView(packed(small), threshold(smallMask), square);
    }
  }

  /**
   * This view moved onto {@code reference}: the affine map that best lays this silhouette over the
   * reference's (ECC on the blurred silhouettes, starting from the identity, as both views already
   * centre and scale the product alike); the identity when the fit does not converge.
   */
  public ProductView alignedTo(ProductView reference) {
    try (PointerScope scope = new PointerScope()) {
      Mat template = blurredSilhouette(reference.product), input = blurredSilhouette(product);
      Mat warp = Mat.eye(2, 3, CV_32F).asMat();
      try {
        findTransformECC(template, input, warp, MOTION_AFFINE, new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, 60, 1e-5),
            new Mat(), 5);
      } catch (RuntimeException notConverged) {
        warp = Mat.eye(2, 3, CV_32F).asMat();
      }
      if (!nearIdentity(warp)) {
        // Both views centre and scale the piece alike: a fit far from that has run off.
        warp = Mat.eye(2, 3, CV_32F).asMat();
      }
      Mat image = new Mat(SIDE, SIDE, CV_8UC3), movedImage = new Mat(), movedMask = new Mat();
      byte[] b = new byte[rgb.length * 3];
      for (int i = 0; i < rgb.length; i++) {
        b[3 * i] = (byte) RgbImage.red(rgb[i]);
        b[3 * i + 1] = (byte) RgbImage.green(rgb[i]);
        b[3 * i + 2] = (byte) RgbImage.blue(rgb[i]);
      }
      ((ByteBuffer) image.createBuffer()).put(b);
      warpAffine(image, movedImage, warp, new Size(SIDE, SIDE), INTER_LINEAR | WARP_INVERSE_MAP,
          org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE, new Scalar());
      warpAffine(OpenCv.bytes(SIDE, SIDE, product, 255), movedMask, warp, new Size(SIDE, SIDE), INTER_LINEAR | WARP_INVERSE_MAP,
          org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT, new Scalar());
      return new ProductView(packed(movedImage), threshold(movedMask), box);
    }
  }

  /** The fit moves the piece by under a tenth of the view and scales or shears it by under 15 %. */
  private static boolean nearIdentity(Mat warp) {
    float[] w = OpenCv.floats(warp);
    return Math.abs(w[0] - 1) < 0.15 && Math.abs(w[4] - 1) < 0.15 && Math.abs(w[1]) < 0.15 && Math.abs(w[3]) < 0.15
        && Math.abs(w[2]) < SIDE / 10.0 && Math.abs(w[5]) < SIDE / 10.0;
  }

  /** Pixels of the view as a box in the photo it came from. */
  public Box inPhoto(int x, int y, int width, int height) {
    double s = (double) box.width() / SIDE;
    return new Box((int) Math.floor(box.x() + x * s), (int) Math.floor(box.y() + y * s),
        (int) Math.ceil(width * s), (int) Math.ceil(height * s));
  }

  public int count() {
    int n = 0;
    for (boolean b : product) if (b) n++;
    return n;
  }

  private static Mat blurredSilhouette(boolean[] bits) {
    float[] v = new float[bits.length];
    for (int i = 0; i < v.length; i++) v[i] = bits[i] ? 1 : 0;
    return OpenCv.gaussian(OpenCv.floats(SIDE, SIDE, v), 2.0);
  }

  private static int[] packed(Mat rgb8) {
    byte[] b = new byte[SIDE * SIDE * 3];
    ((ByteBuffer) rgb8.createBuffer()).get(b);
    int[] out = new int[SIDE * SIDE];
    for (int i = 0; i < out.length; i++) out[i] = RgbImage.pack(b[3 * i] & 0xFF, b[3 * i + 1] & 0xFF, b[3 * i + 2] & 0xFF);
    return out;
  }

  private static boolean[] threshold(Mat grey) {
    byte[] b = new byte[SIDE * SIDE];
    ((ByteBuffer) grey.createBuffer()).get(b);
    boolean[] out = new boolean[b.length];
    for (int i = 0; i < b.length; i++) out[i] = (b[i] & 0xFF) >= 128;
    return out;
  }
}
