package dev.facet.imaging.matte;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.facet.imaging.BackdropModel;
import dev.facet.imaging.ColourScience;
import dev.facet.imaging.Mask;
import dev.facet.imaging.OpenCv;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Box;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
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

  /** Unmixing divides by α; below this the estimate of F nearby is used instead. */
  private static final float MIN_ALPHA = 0.05f;

  /** Rows per strip, a multiple of {@link SideColour#SHRINK}. */
  private static final int STRIP = 480;

  /** Side of the tiles the band is refined in, px. */
  private static final int TILE = 128;

  private EdgeRefiner() {}

  /**
   * @param coarse the product on the working copy
   * @param backdrop the backdrop found around it there
   */
  static ProductMatte refine(
      RgbImage photo, Mask coarse, BackdropModel backdrop, MattingSettings s) {
    int width = photo.width(), height = photo.height();
    Mat full = new Mat();
    resize(
        OpenCv.bytes(coarse.width(), coarse.height(), coarse.bits()),
        full,
        new Size(width, height),
        0,
        0,
        INTER_NEAREST);
    byte[] alpha = new byte[width * height];
    int[] foreground = new int[width * height];
    Rect found = boundingRect(full);
    if (found.width() == 0) {
      return new ProductMatte(width, height, alpha, foreground, backdrop.at(width, height));
    }
    // Only the product's neighbourhood is read, and only the band along the outline (within the
    // edge band of it) is measured: inside is product, outside backdrop.
    int margin = s.edgeBand() + (int) Math.ceil(3 * s.edgeColourSigma()) + s.guidedRadius() + 2;
    Box roi = grown(found, margin, width, height);
    Mat m = new Mat(full, new Rect(roi.x(), roi.y(), roi.width(), roi.height())).clone();
    Mat inner = OpenCv.eroded(m, s.edgeBand()), near = OpenCv.dilated(m, s.edgeBand());
    SideColour.Gatherer back = new SideColour.Gatherer(roi.x(), roi.y(), roi.width(), roi.height());
    SideColour.Gatherer front =
        new SideColour.Gatherer(roi.x(), roi.y(), roi.width(), roi.height());
    for (int top = 0; top < roi.height(); top += STRIP) {
      try (PointerScope scope = new PointerScope()) {
        int rows = Math.min(STRIP, roi.height() - top);
        Mat linear = OpenCv.linearRgb(photo, new Box(roi.x(), roi.y() + top, roi.width(), rows));
        back.add(top, linear, zeroOne(near.rowRange(top, top + rows), true));
        front.add(top, linear, zeroOne(inner.rowRange(top, top + rows), false));
      }
    }
    Sides sides = new Sides(back.colour(s.edgeColourSigma()), front.colour(s.edgeColourSigma()));
    // Tile by tile, each with the context its filters reach; a tile the band does not cross is
    // inside or outside, and is written as it is.
    int reach = 2 * s.guidedRadius() + PRIOR_REACH + 1;
    byte[] inside = OpenCv.bytes(inner), around = OpenCv.bytes(near);
    for (int ty = 0; ty < roi.height(); ty += TILE) {
      for (int tx = 0; tx < roi.width(); tx += TILE) {
        Box tile =
            new Box(tx, ty, Math.min(TILE, roi.width() - tx), Math.min(TILE, roi.height() - ty));
        if (!crossesBand(inside, around, roi.width(), tile)) {
          fill(photo, roi, tile, inside, alpha, foreground);
          continue;
        }
        int x0 = Math.max(0, tx - reach), y0 = Math.max(0, ty - reach);
        int x1 = Math.min(roi.width(), tx + tile.width() + reach);
        int y1 = Math.min(roi.height(), ty + tile.height() + reach);
        Rect context = new Rect(x0, y0, x1 - x0, y1 - y0);
        try (PointerScope scope = new PointerScope()) {
          refine(
              photo,
              new Box(roi.x() + x0, roi.y() + y0, x1 - x0, y1 - y0),
              new Mat(m, context),
              OpenCv.bytes(new Mat(inner, context)),
              OpenCv.bytes(new Mat(near, context)),
              new Box(roi.x() + tx, roi.y() + ty, tile.width(), tile.height()),
              sides,
              s,
              alpha,
              foreground);
        }
      }
    }
    return new ProductMatte(width, height, alpha, foreground, backdrop.at(width, height));
  }

  /** Whether any pixel of the tile (region coordinates) lies in the band: near, not inside. */
  private static boolean crossesBand(byte[] inside, byte[] around, int width, Box tile) {
    for (int y = tile.y(); y < tile.y() + tile.height(); y++) {
      for (int i = y * width + tile.x(), end = i + tile.width(); i < end; i++) {
        if (around[i] != 0 && inside[i] == 0) return true;
      }
    }
    return false;
  }

  /** A tile the band does not cross: the photo's own pixels inside, nothing outside. */
  private static void fill(
      RgbImage photo, Box roi, Box tile, byte[] inside, byte[] alpha, int[] foreground) {
    int width = photo.width();
    for (int y = tile.y(); y < tile.y() + tile.height(); y++) {
      for (int x = tile.x(); x < tile.x() + tile.width(); x++) {
        if (inside[y * roi.width() + x] == 0) continue;
        int o = (roi.y() + y) * width + roi.x() + x;
        alpha[o] = ProductMatte.coverage(1);
        foreground[o] = photo.rgb(roi.x() + x, roi.y() + y);
      }
    }
  }

  /** The colours of the backdrop's side of the outline and of the product's. */
  private record Sides(SideColour back, SideColour front) {}

  /** The reach (px) of the smoothed outline's Gaussian (sigma 1, 4 sigma in float). */
  private static final int PRIOR_REACH = 4;

  /**
   * Refines the matte over {@code out}, reading the photo over {@code box}, which reaches beyond it
   * where the photo does; {@code m}, {@code inner} and {@code near} are the coarse product, its
   * inside and its neighbourhood over the box.
   */
  private static void refine(
      RgbImage photo,
      Box box,
      Mat m,
      byte[] inner,
      byte[] near,
      Box out,
      Sides sides,
      MattingSettings s,
      byte[] alpha,
      int[] foreground) {
    int width = photo.width();
    int w = box.width(), h = box.height(), n = w * h;
    Mat in = new Mat();
    m.convertTo(in, CV_32F);
    float[] prior = OpenCv.floats(OpenCv.gaussian(in, 1.0));
    float[] a = new float[n];
    float[] lin = new float[3], back = new float[3], front = new float[3];
    double contrast2 = s.edgeContrast() * s.edgeContrast();
    for (int i = 0; i < n; i++) {
      if (inner[i] != 0) {
        a[i] = 1;
      } else if (near[i] != 0) {
        int x = box.x() + i % w, y = box.y() + i / w;
        ColourScience.linear(photo.rgb(x, y), lin);
        sides.back.at(x, y, back, 0);
        sides.front.at(x, y, front, 0);
        a[i] = (float) measured(lin, back, front, prior[i], contrast2);
      }
    }
    float[] refined =
        GuidedFilter.apply(
            grey(photo, box), OpenCv.floats(w, h, a), s.guidedRadius(), s.guidedEps());

    float[] unmixed = new float[3];
    for (int y = out.y() - box.y(); y < out.y() + out.height() - box.y(); y++) {
      for (int x = out.x() - box.x(); x < out.x() + out.width() - box.x(); x++) {
        int i = y * w + x, o = (box.y() + y) * width + box.x() + x;
        if (near[i] == 0) continue;
        int px = photo.rgb(box.x() + x, box.y() + y);
        if (inner[i] != 0) {
          alpha[o] = ProductMatte.coverage(1);
          foreground[o] = px;
          continue;
        }
        float al = Math.max(0, Math.min(1, refined[i]));
        alpha[o] = ProductMatte.coverage(al);
        ColourScience.linear(px, lin);
        if (al > MIN_ALPHA) {
          sides.back.at(box.x() + x, box.y() + y, back, 0);
        } else {
          sides.front.at(box.x() + x, box.y() + y, front, 0);
        }
        for (int c = 0; c < 3; c++) {
          unmixed[c] = al > MIN_ALPHA ? (lin[c] - (1 - al) * back[c]) / al : front[c];
        }
        foreground[o] = ColourScience.packLinear(unmixed[0], unmixed[1], unmixed[2]);
      }
    }
  }

  /**
   * α where the pixel's colour lies between the two sides', trusted as far as the sides differ and
   * the mix explains the pixel; the smoothed coarse outline ({@code prior}) stands in for the rest.
   */
  private static double measured(
      float[] lin, float[] back, float[] front, float prior, double contrast2) {
    double dot = 0, d2 = 0;
    for (int c = 0; c < 3; c++) {
      double d = front[c] - back[c];
      dot += (lin[c] - back[c]) * d;
      d2 += d * d;
    }
    double along = dot / Math.max(d2, 1e-8), measured = Math.max(0, Math.min(1, along));
    // A pixel the mix of the two sides cannot explain (a highlight lighter than both) says
    // nothing about α: the farther it lies from the mix, the less it is trusted. Beyond the
    // piece's own colour it is piece, however far.
    double residual2 = 0;
    for (int c = 0; c < 3 && along < 1; c++) {
      double r = lin[c] - (measured * front[c] + (1 - measured) * back[c]);
      residual2 += r * r;
    }
    double trust =
        Math.min(1, d2 / contrast2) * Math.min(1, contrast2 / Math.max(residual2, 1e-12));
    return trust * measured + (1 - trust) * prior;
  }

  /** A 0/1 float Mat of a 0/1 byte Mat, or of its complement. */
  private static Mat zeroOne(Mat bytes, boolean complement) {
    Mat out = new Mat();
    bytes.convertTo(out, CV_32F, complement ? -1 : 1, complement ? 1 : 0);
    return out;
  }

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

  /**
   * The rectangle grown by {@code margin} on every side within the photo, its size then cut to
   * multiples of {@link SideColour#SHRINK}.
   */
  private static Box grown(Rect r, int margin, int width, int height) {
    int x0 = Math.max(0, r.x() - margin), y0 = Math.max(0, r.y() - margin);
    int x1 = Math.min(width, r.x() + r.width() + margin),
        y1 = Math.min(height, r.y() + r.height() + margin);
    int k = SideColour.SHRINK;
    return new Box(x0, y0, (x1 - x0) / k * k, (y1 - y0) / k * k);
  }
}
