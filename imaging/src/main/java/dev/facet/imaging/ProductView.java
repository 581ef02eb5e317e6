package dev.facet.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import dev.facet.model.Box;
import java.nio.ByteBuffer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A product seen at a fixed size, so two photos of the same piece can be laid over each other: the
 * product's bounding box (plus a margin) scaled so its longest side spans {@link #SIDE} pixels,
 * centred in a square frame. {@link #alignedTo} then moves one view onto another (scale and shift
 * that lay their silhouettes over each other), which is what QA compares pixel by pixel: what is
 * missing, where the stones are.
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
    Box square =
        square(mask.box().orElseThrow(() -> new IllegalArgumentException("empty product mask")));
    int side = square.width(), x0 = square.x(), y0 = square.y();
    try (PointerScope scope = new PointerScope()) {
      Mat canvas = new Mat(side, side, CV_8UC3, Scalar.all(0));
      Mat maskCanvas =
          new Mat(side, side, org.bytedeco.opencv.global.opencv_core.CV_8U, Scalar.all(0));
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
      return new ProductView(OpenCv.image(small).pixels(), threshold(smallMask), square);
    }
  }

  /** The square of the photo a view of the product in {@code product} (its bounding box) shows. */
  public static Box square(Box product) {
    int side = (int) Math.ceil(Math.max(product.width(), product.height()) * (1 + 2 * MARGIN));
    return new Box(
        product.x() + product.width() / 2 - side / 2,
        product.y() + product.height() / 2 - side / 2,
        side,
        side);
  }

  /** The product's silhouette in the view, as a mask. */
  public Mask silhouette() {
    return new Mask(SIDE, SIDE, product);
  }

  /**
   * This view moved onto {@code reference}: scaled about its silhouette's centre so both
   * silhouettes have the same area and their centres meet, then nudged (scale by a few per cent,
   * shift by a few pixels) while that lays them better over each other. Both views already centre
   * and scale the piece by its bounding box, so only small corrections remain.
   */
  public ProductView alignedTo(ProductView reference) {
    double[] mine = moments(product), theirs = moments(reference.product);
    if (mine[0] == 0 || theirs[0] == 0) return this;
    double scale = Math.sqrt(theirs[0] / mine[0]);
    double dx = theirs[1] - mine[1] * scale, dy = theirs[2] - mine[2] * scale;
    double best = overlap(reference.product, scale, dx, dy);
    for (double step : new double[] {4, 2, 1}) {
      boolean better = true;
      while (better) {
        better = false;
        double[][] moves = {
          {1 + step / 200, 0, 0},
          {1 - step / 200, 0, 0},
          {1, step, 0},
          {1, -step, 0},
          {1, 0, step},
          {1, 0, -step}
        };
        for (double[] m : moves) {
          double s2 = scale * m[0];
          // Scaled about the reference silhouette's centre, so the centres stay together.
          double dx2 = m[0] * dx + (1 - m[0]) * theirs[1] + m[1],
              dy2 = m[0] * dy + (1 - m[0]) * theirs[2] + m[2];
          double o = overlap(reference.product, s2, dx2, dy2);
          if (o > best + 1e-6) {
            best = o;
            scale = s2;
            dx = dx2;
            dy = dy2;
            better = true;
          }
        }
      }
    }
    return moved(scale, dx, dy);
  }

  /** Area and centre of a silhouette. */
  private static double[] moments(boolean[] bits) {
    double n = 0, sx = 0, sy = 0;
    for (int i = 0; i < bits.length; i++) {
      if (!bits[i]) continue;
      n++;
      sx += i % SIDE;
      sy += i / SIDE;
    }
    return n == 0 ? new double[] {0, 0, 0} : new double[] {n, sx / n, sy / n};
  }

  /** IoU of {@code target} with this silhouette moved by x' = scale·x + dx. */
  private double overlap(boolean[] target, double scale, double dx, double dy) {
    long inter = 0, union = 0;
    for (int y = 0; y < SIDE; y++) {
      int sy = (int) Math.floor((y - dy) / scale + 0.5);
      for (int x = 0; x < SIDE; x++) {
        int sx = (int) Math.floor((x - dx) / scale + 0.5);
        boolean mine = sx >= 0 && sy >= 0 && sx < SIDE && sy < SIDE && product[sy * SIDE + sx];
        boolean theirs = target[y * SIDE + x];
        if (mine && theirs) inter++;
        if (mine || theirs) union++;
      }
    }
    return (double) inter / Math.max(1, union);
  }

  /** This view resampled by x' = scale·x + dx (pixels bilinear, the silhouette nearest). */
  private ProductView moved(double scale, double dx, double dy) {
    try (PointerScope scope = new PointerScope()) {
      Mat warp = new Mat(2, 3, CV_32F);
      ((java.nio.FloatBuffer) warp.createBuffer())
          .put(new float[] {(float) scale, 0, (float) dx, 0, (float) scale, (float) dy});
      Mat movedImage = new Mat(), movedMask = new Mat();
      warpAffine(
          OpenCv.rgb8(new RgbImage(SIDE, SIDE, rgb)),
          movedImage,
          warp,
          new Size(SIDE, SIDE),
          INTER_LINEAR,
          org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE,
          new Scalar());
      warpAffine(
          OpenCv.bytes(SIDE, SIDE, product, 255),
          movedMask,
          warp,
          new Size(SIDE, SIDE),
          INTER_LINEAR,
          org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT,
          new Scalar());
      return new ProductView(OpenCv.image(movedImage).pixels(), threshold(movedMask), box);
    }
  }

  /** Pixels of the view as a box in the photo it came from. */
  public Box inPhoto(int x, int y, int width, int height) {
    double s = (double) box.width() / SIDE;
    return new Box(
        (int) Math.floor(box.x() + x * s),
        (int) Math.floor(box.y() + y * s),
        (int) Math.ceil(width * s),
        (int) Math.ceil(height * s));
  }

  public int count() {
    int n = 0;
    for (boolean b : product) if (b) n++;
    return n;
  }

  private static boolean[] threshold(Mat grey) {
    byte[] b = new byte[SIDE * SIDE];
    ((ByteBuffer) grey.createBuffer()).get(b);
    boolean[] out = new boolean[b.length];
    for (int i = 0; i < b.length; i++) out[i] = (b[i] & 0xFF) >= 128;
    return out;
  }
}
