package dev.facet.calibration;

import dev.facet.imaging.ColourScience;
import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.ImageEncoder;
import dev.facet.imaging.Mask;
import dev.facet.imaging.Morphology;
import dev.facet.imaging.Plane;
import dev.facet.imaging.Resampler;
import dev.facet.imaging.RgbImage;
import dev.facet.imaging.UnsharpMask;
import dev.facet.model.Box;
import dev.facet.model.Lab;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Deliberate defects, made the way they happen: a generator re-colouring the metal, dropping or
 * adding a stone, mirroring the piece; a delivery with an off-white background, a small or cropped
 * product, blur, a watermark or heavy compression. Every function returns a new image.
 */
final class Alterations {

  private Alterations() {}

  // ---- content: applied to a candidate before it is finished ------------------------------------

  /** Moves the a*b* of the {@code metal} pixels by the difference between two metals' tints. */
  static RgbImage recolourMetal(RgbImage image, Mask metal, Lab from, Lab to) {
    double da = to.a() - from.a(), db = to.b() - from.b();
    return mapWhere(
        image,
        metal,
        p -> {
          Lab lab = ColourScience.lab(p);
          return ColourScience.toRgb(new Lab(lab.l(), lab.a() + da, lab.b() + db));
        });
  }

  /** Turns the stones' a*b* by 120° and pushes them toward blue: a different gem. */
  static RgbImage recolourStones(RgbImage image, Mask stones) {
    double c = Math.cos(Math.toRadians(120)), s = Math.sin(Math.toRadians(120));
    return mapWhere(
        image,
        stones,
        p -> {
          Lab lab = ColourScience.lab(p);
          double a = lab.a() * c - lab.b() * s - 12, b = lab.a() * s + lab.b() * c - 30;
          return ColourScience.toRgb(new Lab(lab.l(), a, b));
        });
  }

  /**
   * Paints the largest stone out: its region, grown by a few pixels, is filled inward from its edge
   * with the average of the pixels already known (metal and backdrop), then smoothed.
   */
  static RgbImage removeLargestStone(RgbImage image, Mask stones) {
    Mask stone = largestComponent(stones);
    return fillIn(image, Morphology.dilate(stone, Math.max(3, image.width() / 300.0)));
  }

  /**
   * The region filled inward from its edge with the average of the pixels already known, then
   * smoothed.
   */
  private static RgbImage fillIn(RgbImage image, Mask region) {
    boolean[] known = new boolean[region.bits().length];
    for (int i = 0; i < known.length; i++) known[i] = !region.bits()[i];
    RgbImage filled = propagate(image, region.bits(), known);
    RgbImage smooth = blur(filled, 2);
    return copyWhere(filled, smooth, region);
  }

  /**
   * Fills the {@code unknown} pixels, ring by ring, with the average of their {@code source}
   * neighbours.
   */
  private static RgbImage propagate(RgbImage image, boolean[] unknownIn, boolean[] sourceIn) {
    int w = image.width(), h = image.height();
    int[] px = image.pixels().clone();
    boolean[] unknown = unknownIn.clone(), source = sourceIn.clone();
    boolean progress = true;
    while (progress) {
      progress = false;
      boolean[] nextUnknown = unknown.clone(), nextSource = source.clone();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          if (!unknown[i]) continue;
          int r = 0, g = 0, b = 0, n = 0;
          for (int k = 0; k < 4; k++) {
            int xx = x + (k == 0 ? -1 : k == 1 ? 1 : 0), yy = y + (k == 2 ? -1 : k == 3 ? 1 : 0);
            if (xx < 0 || yy < 0 || xx >= w || yy >= h || !source[yy * w + xx]) continue;
            int q = px[yy * w + xx];
            r += RgbImage.red(q);
            g += RgbImage.green(q);
            b += RgbImage.blue(q);
            n++;
          }
          if (n > 0) {
            px[i] = RgbImage.pack(r / n, g / n, b / n);
            nextUnknown[i] = false;
            nextSource[i] = true;
            progress = true;
          }
        }
      }
      unknown = nextUnknown;
      source = nextSource;
    }
    return new RgbImage(w, h, px);
  }

  /**
   * Sets a faceted stone with four prongs on the metal, where the metal is widest and far from the
   * existing stones: a feature the piece does not have.
   */
  static RgbImage addStone(RgbImage image, Mask metal, Mask stones) {
    int w = image.width(), h = image.height();
    float[] toEdge = Morphology.squaredDistanceTo(metal, false);
    float[] toStone = stones.count() == 0 ? null : Morphology.squaredDistanceTo(stones, true);
    double radius = 0.022 * Math.min(w, h);
    int best = -1;
    for (int i = 0; i < toEdge.length; i++) {
      if (toStone != null && toStone[i] < 9 * radius * radius) continue;
      if (best < 0 || toEdge[i] > toEdge[best]) best = i;
    }
    int cx = best % w, cy = best / w;
    RgbImage out = new RgbImage(w, h, image.pixels().clone());
    int[] px = out.pixels();
    for (int y = (int) (cy - radius * 1.3); y <= cy + radius * 1.3; y++) {
      for (int x = (int) (cx - radius * 1.3); x <= cx + radius * 1.3; x++) {
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
        double dx = x - cx, dy = y - cy, rho = Math.hypot(dx, dy) / radius;
        int value;
        if (rho <= 0.35) value = 250;
        else if (rho <= 0.85)
          value = ((int) ((Math.atan2(dy, dx) + Math.PI) / (Math.PI / 8)) % 2 == 0) ? 238 : 140;
        else if (rho <= 1.0) value = 95;
        else continue;
        px[y * w + x] = RgbImage.pack(value, value, value + 4);
      }
    }
    for (int k = 0; k < 4; k++) {
      double angle = Math.PI / 4 + k * Math.PI / 2;
      int px0 = (int) (cx + Math.cos(angle) * radius), py0 = (int) (cy + Math.sin(angle) * radius);
      fillDisc(px, w, h, px0, py0, radius * 0.22, image.rgb(Math.min(w - 1, Math.max(0, cx)), cy));
    }
    return out;
  }

  /**
   * Takes one prong off the largest stone: of the metal parts just around the stone (an annulus
   * from 0.8 to 1.4 of its radius), the one nearest the stone's top, filled in from around it (the
   * stone behind it, or the background beside it).
   */
  static RgbImage removeProng(RgbImage image, Mask metal, Mask stones) {
    Mask stone = largestComponent(stones);
    Box box = stone.box().orElseThrow();
    double cx = box.x() + box.width() / 2.0, cy = box.y() + box.height() / 2.0;
    double r = Math.max(box.width(), box.height()) / 2.0;
    int w = image.width(), h = image.height();
    boolean[] ring = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d = Math.hypot(x - cx, y - cy) / r;
        ring[y * w + x] = metal.get(x, y) && d >= 0.8 && d <= 1.4;
      }
    }
    Morphology.Components parts = Morphology.components(new Mask(w, h, ring));
    int best = 0;
    double bestY = Double.MAX_VALUE;
    double[] sumY = new double[parts.count() + 1];
    for (int i = 0; i < ring.length; i++)
      if (parts.labels()[i] != 0) sumY[parts.labels()[i]] += i / w;
    for (int l = 1; l <= parts.count(); l++) {
      if (parts.sizes()[l] < r * r * 0.01) continue;
      double meanY = sumY[l] / parts.sizes()[l];
      if (meanY < bestY) {
        bestY = meanY;
        best = l;
      }
    }
    if (best == 0) throw new IllegalStateException("no prong found around the stone");
    boolean[] prong = new boolean[w * h];
    for (int i = 0; i < prong.length; i++) prong[i] = parts.labels()[i] == best;
    return fillIn(image, Morphology.dilate(new Mask(w, h, prong), Math.max(2, w / 500.0)));
  }

  /** The largest stone drawn 35 % larger about its centre, over what was there. */
  static RgbImage enlargeStone(RgbImage image, Mask stones) {
    Mask stone = largestComponent(stones);
    Box box = stone.box().orElseThrow();
    double s = 1.35;
    int bw = (int) Math.round(box.width() * s), bh = (int) Math.round(box.height() * s);
    RgbImage big = Resampler.resize(image.crop(box), bw, bh);
    Mask bigMask = stone.crop(box).resized(bw, bh);
    int left = box.x() + box.width() / 2 - bw / 2, top = box.y() + box.height() / 2 - bh / 2;
    int[] out = image.pixels().clone();
    for (int y = 0; y < bh; y++) {
      for (int x = 0; x < bw; x++) {
        int ox = left + x, oy = top + y;
        if (ox < 0 || oy < 0 || ox >= image.width() || oy >= image.height() || !bigMask.get(x, y))
          continue;
        out[oy * image.width() + ox] = big.rgb(x, y);
      }
    }
    return new RgbImage(image.width(), image.height(), out);
  }

  /**
   * The metal grown outward by 1.2 % of the frame, the new pixels taking the nearest metal's
   * colour.
   */
  static RgbImage thickenMetal(RgbImage image, Mask metal) {
    Mask grown = Morphology.dilate(metal, 0.012 * Math.min(image.width(), image.height()));
    boolean[] unknown = new boolean[grown.bits().length];
    for (int i = 0; i < unknown.length; i++) unknown[i] = grown.bits()[i] && !metal.bits()[i];
    return propagate(image, unknown, metal.bits());
  }

  // ---- harmless: what a faithful image may go through
  // --------------------------------------------

  /** Every pixel 8 % brighter in linear light (white stays white). */
  static RgbImage brighter(RgbImage image) {
    int[] out = image.pixels().clone();
    for (int i = 0; i < out.length; i++) {
      int p = out[i];
      out[i] =
          ColourScience.packLinear(
              1.08 * ColourScience.linear(RgbImage.red(p)),
              1.08 * ColourScience.linear(RgbImage.green(p)),
              1.08 * ColourScience.linear(RgbImage.blue(p)));
    }
    return new RgbImage(image.width(), image.height(), out);
  }

  /** A light unsharp mask, as a marketplace or a seller's editor may apply. */
  static RgbImage sharpened(RgbImage image) {
    return UnsharpMask.apply(image, 1.0, 0.3);
  }

  // ---- delivery: applied to a finished image ----------------------------------------------------

  static RgbImage replaceColour(RgbImage image, int from, int to) {
    int[] out = image.pixels().clone();
    for (int i = 0; i < out.length; i++) if (out[i] == from) out[i] = to;
    return new RgbImage(image.width(), image.height(), out);
  }

  /** The whole picture scaled by {@code factor} and centred on {@code background}. */
  static RgbImage shrink(RgbImage image, double factor, int background) {
    int w = (int) (image.width() * factor), h = (int) (image.height() * factor);
    RgbImage small = Resampler.resize(image, w, h);
    return place(
        small,
        image.width(),
        image.height(),
        (image.width() - w) / 2,
        (image.height() - h) / 2,
        background);
  }

  /** The picture moved left by {@code share} of its width, so the product runs off the frame. */
  static RgbImage shiftLeft(RgbImage image, double share, int background) {
    return place(
        image, image.width(), image.height(), -(int) (share * image.width()), 0, background);
  }

  static RgbImage blur(RgbImage image, double sigma) {
    int n = image.pixels().length;
    float[][] c = new float[3][n];
    for (int i = 0; i < n; i++) {
      int p = image.pixels()[i];
      c[0][i] = RgbImage.red(p);
      c[1][i] = RgbImage.green(p);
      c[2][i] = RgbImage.blue(p);
    }
    float[][] b = new float[3][];
    for (int k = 0; k < 3; k++) b[k] = blurPlane(image.width(), image.height(), c[k], sigma);
    int[] out = new int[n];
    for (int i = 0; i < n; i++)
      out[i] = RgbImage.pack(Math.round(b[0][i]), Math.round(b[1][i]), Math.round(b[2][i]));
    return new RgbImage(image.width(), image.height(), out);
  }

  /** A shop name in the lower right corner, grey at half opacity, the way sellers sign photos. */
  static RgbImage cornerWatermark(RgbImage image) {
    return draw(
        image,
        g -> {
          int size = image.width() / 34;
          g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
          g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.5f));
          g.setColor(new Color(110, 110, 110));
          String text = "© Sparkle & Co";
          int textWidth = g.getFontMetrics().stringWidth(text);
          g.drawString(
              text,
              image.width() - textWidth - image.width() / 30,
              image.height() - image.height() / 25);
        });
  }

  /** "SAMPLE" across the whole picture, light grey at a quarter opacity. */
  static RgbImage diagonalWatermark(RgbImage image) {
    return draw(
        image,
        g -> {
          g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, image.width() / 7));
          g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.25f));
          g.setColor(new Color(150, 150, 150));
          g.setTransform(
              AffineTransform.getRotateInstance(
                  -Math.PI / 5, image.width() / 2.0, image.height() / 2.0));
          String text = "SAMPLE";
          int textWidth = g.getFontMetrics().stringWidth(text);
          g.drawString(
              text, (image.width() - textWidth) / 2, image.height() / 2 + image.width() / 20);
        });
  }

  /** JPEG round trip at {@code quality}. */
  static RgbImage jpeg(RgbImage image, float quality) {
    try {
      return ImageDecoder.decode(ImageEncoder.jpeg(image, quality));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private interface Painter {
    void paint(Graphics2D g);
  }

  private static RgbImage draw(RgbImage image, Painter painter) {
    RgbImage out = new RgbImage(image.width(), image.height(), image.pixels().clone());
    BufferedImage view = out.toBufferedImage();
    Graphics2D g = view.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    painter.paint(g);
    g.dispose();
    return out;
  }

  private static RgbImage place(
      RgbImage src, int width, int height, int left, int top, int background) {
    RgbImage out = RgbImage.filled(width, height, background);
    for (int y = 0; y < src.height(); y++) {
      int oy = top + y;
      if (oy < 0 || oy >= height) continue;
      for (int x = 0; x < src.width(); x++) {
        int ox = left + x;
        if (ox >= 0 && ox < width)
          out.pixels()[oy * width + ox] = src.pixels()[y * src.width() + x];
      }
    }
    return out;
  }

  private static RgbImage mapWhere(
      RgbImage image, Mask where, java.util.function.IntUnaryOperator f) {
    int[] out = image.pixels().clone();
    boolean[] bits = where.bits();
    for (int i = 0; i < out.length; i++) if (bits[i]) out[i] = f.applyAsInt(out[i]);
    return new RgbImage(image.width(), image.height(), out);
  }

  private static RgbImage copyWhere(RgbImage base, RgbImage source, Mask where) {
    int[] out = base.pixels().clone();
    for (int i = 0; i < out.length; i++) if (where.bits()[i]) out[i] = source.pixels()[i];
    return new RgbImage(base.width(), base.height(), out);
  }

  static Mask largestComponent(Mask mask) {
    Morphology.Components c = Morphology.components(mask);
    int best = 0;
    for (int l = 1; l <= c.count(); l++) if (best == 0 || c.sizes()[l] > c.sizes()[best]) best = l;
    boolean[] out = new boolean[c.labels().length];
    for (int i = 0; i < out.length; i++) out[i] = best != 0 && c.labels()[i] == best;
    return new Mask(mask.width(), mask.height(), out);
  }

  private static void fillDisc(int[] px, int w, int h, int cx, int cy, double r, int rgb) {
    for (int y = (int) (cy - r); y <= cy + r; y++) {
      for (int x = (int) (cx - r); x <= cx + r; x++) {
        if (x >= 0 && y >= 0 && x < w && y < h && Math.hypot(x - cx, y - cy) <= r)
          px[y * w + x] = rgb;
      }
    }
  }

  private static float[] blurPlane(int w, int h, float[] v, double sigma) {
    Plane blurred = new Plane(w, h, v).gaussian(sigma);
    float[] out = new float[v.length];
    for (int i = 0; i < out.length; i++) out[i] = blurred.get(i % w, i / w);
    return out;
  }
}
