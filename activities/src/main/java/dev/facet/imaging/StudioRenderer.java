package dev.facet.imaging;

import dev.facet.model.Box;
import dev.facet.model.StyleGuide;
import java.util.SplittableRandom;

/**
 * The offline generator: cuts the product out of a reference photo and re-shoots it in a virtual
 * studio. Everything happens in linear light.
 *
 * <ol>
 *   <li>Cut-out: the mask, feathered, as alpha; edge pixels have the capture's backdrop colour
 *       taken out of them (known from the {@link BackdropModel}), so no beige or grey fringe follows
 *       the piece onto a white backdrop.
 *   <li>Relight: vignetting and light fall-off divided out; the capture's colour cast (the
 *       backdrop's tint at the piece) partly neutralised, then the style's colour temperature
 *       applied; exposure set so the capture's backdrop would read as {@link #BACKDROP_EXPOSURE};
 *       highlights roll off instead of clipping; a gentle gradient from the variant's light
 *       direction.
 *   <li>Stage: the style's backdrop, a soft drop shadow away from the light, a tight contact shadow
 *       at the base, optionally a faint floor reflection; the piece scaled to the style's share of
 *       the frame.
 * </ol>
 *
 * Product pixels are only ever scaled and tinted, never invented: prongs and stones stay exactly
 * as photographed.
 */
public final class StudioRenderer {

  /**
   * How much of the capture's colour cast is removed, 0..1. Sellers' backdrops are rarely neutral
   * (beige paper, warm bulbs); removing all of the tint the backdrop shows would remove the paper's
   * own colour from the metal too. 0.7 gave the smallest metal ΔE2000 to the fixtures' studio
   * ideals (mean 2.3 against 3.3 at 0 and 2.5 at 1; StudioRendererTest prints it).
   */
  static final double ADAPTATION = 0.7;

  /**
   * The luminance the capture's backdrop is given under studio light. Photographed paper is grey
   * next to a studio's lit white; 0.78 brings the fixtures' metal closest to the lightness of their
   * studio ideals.
   */
  static final double BACKDROP_EXPOSURE = 0.78;

  /** Where highlights start to roll off (linear), so speculars stay smooth instead of clipping. */
  private static final double HIGHLIGHT_KNEE = 0.8;

  private static final double DROP_SHADOW_OPACITY = 0.20;
  private static final double CONTACT_SHADOW_OPACITY = 0.45;
  private static final double REFLECTION_OPACITY = 0.16;

  /** What the style guide asks of the picture. */
  public record Look(int backdrop, int kelvin, double productScale, boolean reflection) {
    public static Look of(StyleGuide style) {
      return new Look(
          RgbImage.parseHex(style.backdrop()), style.lightKelvin(), style.productScale(), style.reflection());
    }
  }

  /**
   * What makes one variant differ from another.
   *
   * @param lightAngle direction the key light comes from, radians (0 = from the right, π/2 = from
   *     above)
   * @param lightFalloff brightness difference across the piece from the light's side, 0..1
   * @param exposure overall brightness factor
   * @param scale factor on the style's product scale
   * @param offsetX horizontal shift, share of the frame
   * @param offsetY vertical shift, share of the frame
   */
  public record Variation(
      double lightAngle, double lightFalloff, double exposure, double scale, double offsetX, double offsetY) {

    /** Key light from the upper left, no jitter. */
    public static Variation standard() {
      return new Variation(Math.toRadians(125), 0.06, 1.0, 1.0, 0, 0);
    }

    /** A variant drawn from {@code seed}: the same seed, the same picture. */
    public static Variation seeded(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      return new Variation(
          Math.toRadians(random.nextDouble(40, 140)),
          random.nextDouble(0.03, 0.10),
          random.nextDouble(0.95, 1.05),
          random.nextDouble(0.96, 1.0),
          random.nextDouble(-0.012, 0.012),
          random.nextDouble(-0.012, 0.012));
    }
  }

  private final int size;

  public StudioRenderer(int size) {
    this.size = size;
  }

  public int size() {
    return size;
  }

  public RgbImage render(RgbImage photo, Mask mask, BackdropModel backdrop, Look look, Variation v) {
    Box box = mask.box().orElseThrow(() -> new IllegalArgumentException("no product in the mask"));
    Box crop = expand(box, Math.max(4, Math.max(box.width(), box.height()) / 50), photo);
    Cutout cutout = cutOut(photo, mask, backdrop, crop, look, v);

    // Scale so the product's longest side is the style's share of the frame.
    double scale = look.productScale() * v.scale() * size / Math.max(box.width(), box.height());
    int cw = Math.max(1, (int) Math.round(crop.width() * scale));
    int ch = Math.max(1, (int) Math.round(crop.height() * scale));
    float[][] scaled = Resampler.resize(cutout.planes(), crop.width(), crop.height(), cw, ch);
    // Place the product's box (not the crop's) at the frame centre, plus the variant's shift.
    double boxCx = (box.x() - crop.x() + box.width() / 2.0) * scale;
    double boxCy = (box.y() - crop.y() + box.height() / 2.0) * scale;
    int left = (int) Math.round(size / 2.0 + v.offsetX() * size - boxCx);
    int top = (int) Math.round(size / 2.0 + v.offsetY() * size - boxCy);
    int productBottom = top + (int) Math.round((box.y() - crop.y() + box.height()) * scale);

    float[] alpha = new float[size * size];
    place(scaled[3], cw, ch, left, top, alpha);
    float[] shade = shadows(alpha, productBottom, v);

    double[] back = linear(look.backdrop());
    float[] r = new float[size * size], g = new float[size * size], b = new float[size * size];
    for (int i = 0; i < r.length; i++) {
      r[i] = (float) back[0] * shade[i];
      g[i] = (float) back[1] * shade[i];
      b[i] = (float) back[2] * shade[i];
    }
    if (look.reflection()) {
      reflect(scaled, cw, ch, left, top, productBottom, r, g, b);
    }
    composite(scaled, cw, ch, left, top, r, g, b);

    int[] out = new int[size * size];
    for (int i = 0; i < out.length; i++) out[i] = ColourScience.packLinear(r[i], g[i], b[i]);
    return new RgbImage(size, size, out);
  }

  /** The relit product as premultiplied linear R, G, B and alpha over the crop. */
  private record Cutout(float[][] planes) {}

  private Cutout cutOut(RgbImage photo, Mask mask, BackdropModel backdrop, Box crop, Look look, Variation v) {
    int w = crop.width(), h = crop.height();
    Plane alpha = new Plane(w, h, toFloats(mask.crop(crop))).gaussian(0.7);
    double[] gains = whiteBalance(backdrop, crop, look.kelvin());
    double exposure = BACKDROP_EXPOSURE * v.exposure();
    double lx = Math.cos(v.lightAngle()), ly = -Math.sin(v.lightAngle());
    double half = Math.max(w, h) / 2.0;

    float[] r = new float[w * h], g = new float[w * h], b = new float[w * h], a = new float[w * h];
    float[] br = new float[photo.width()], bg = new float[photo.width()], bb = new float[photo.width()];
    int[] px = photo.pixels();
    for (int y = 0; y < h; y++) {
      int sy = crop.y() + y;
      backdrop.logRow(sy, br, bg, bb);
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        float al = alpha.v[i];
        if (al <= 0.002f) continue;
        int sx = crop.x() + x;
        int p = px[sy * photo.width() + sx];
        double backR = Math.exp(br[sx]) - 1e-4, backG = Math.exp(bg[sx]) - 1e-4, backB = Math.exp(bb[sx]) - 1e-4;
        double backY = Math.max(1e-3, ColourScience.luminance(backR, backG, backB));
        double pr = Matting.unmix(ColourScience.linear(RgbImage.red(p)), backR, al);
        double pg = Matting.unmix(ColourScience.linear(RgbImage.green(p)), backG, al);
        double pb = Matting.unmix(ColourScience.linear(RgbImage.blue(p)), backB, al);
        double light =
            exposure / backY * (1 + v.lightFalloff() * ((x - w / 2.0) * lx + (y - h / 2.0) * ly) / half);
        r[i] = (float) (rollOff(pr * gains[0] * light) * al);
        g[i] = (float) (rollOff(pg * gains[1] * light) * al);
        b[i] = (float) (rollOff(pb * gains[2] * light) * al);
        a[i] = al;
      }
    }
    return new Cutout(new float[][] {r, g, b, a});
  }

  /**
   * Per-channel gains: remove {@link #ADAPTATION} of the cast the backdrop shows around the piece,
   * then tint by the style's colour temperature; luminance is left to the exposure.
   */
  static double[] whiteBalance(BackdropModel backdrop, Box around, int kelvin) {
    double[] cast = backdrop.linearAt(around.x() + around.width() / 2, around.y() + around.height() / 2);
    double y = ColourScience.luminance(cast[0], cast[1], cast[2]);
    double[] k = ColourScience.kelvinGains(kelvin);
    double[] gains = new double[3];
    for (int c = 0; c < 3; c++) gains[c] = Math.pow(Math.max(1e-4, cast[c] / y), -ADAPTATION) * k[c];
    double norm = ColourScience.luminance(gains[0], gains[1], gains[2]);
    for (int c = 0; c < 3; c++) gains[c] /= norm;
    return gains;
  }

  private static double rollOff(double v) {
    if (v <= HIGHLIGHT_KNEE) {
      return v;
    }
    double room = 1 - HIGHLIGHT_KNEE;
    return HIGHLIGHT_KNEE + room * (1 - Math.exp(-(v - HIGHLIGHT_KNEE) / room));
  }

  /**
   * Shadow as a multiplier on the backdrop (1 = unshadowed), computed at a quarter of the frame
   * size (it is soft anyway) and interpolated up: a drop shadow cast away from the light and a
   * contact shadow squashed against the base of the piece.
   */
  private float[] shadows(float[] alpha, int productBottom, Variation v) {
    int q = 4, sw = size / q;
    float[] small = new float[sw * sw];
    for (int y = 0; y < sw; y++) {
      for (int x = 0; x < sw; x++) {
        float s = 0;
        for (int yy = 0; yy < q; yy++) for (int xx = 0; xx < q; xx++) s += alpha[(y * q + yy) * size + x * q + xx];
        small[y * sw + x] = s / (q * q);
      }
    }
    // Drop shadow: the silhouette shifted away from the light, blurred wide.
    double reach = 0.010 * sw;
    int dx = (int) Math.round(-Math.cos(v.lightAngle()) * reach);
    int dy = (int) Math.round(Math.sin(v.lightAngle()) * reach);
    float[] drop = new float[small.length];
    for (int y = 0; y < sw; y++) {
      for (int x = 0; x < sw; x++) {
        int sx = x - dx, sy = y - dy;
        if (sx >= 0 && sy >= 0 && sx < sw && sy < sw) drop[y * sw + x] = small[sy * sw + sx];
      }
    }
    Plane dropBlur = new Plane(sw, sw, drop).gaussian(0.018 * sw);
    // Contact shadow: the lowest tenth of the silhouette (what rests on the floor) flattened to a
    // quarter of its height, just under the base line.
    int base = Math.min(sw - 1, productBottom / q);
    int height = 0;
    for (int y = 0; y < sw && height == 0; y++) {
      for (int x = 0; x < sw; x++) {
        if (small[y * sw + x] > 0.5f) {
          height = base - y;
          break;
        }
      }
    }
    double footing = Math.max(2, 0.10 * height);
    double squash = 0.25;
    float[] contact = new float[small.length];
    for (int y = 0; y < sw; y++) {
      double src = base - (base - y) / squash;
      int sy = (int) Math.round(src);
      if (y > base + 1 || sy < 0 || sy >= sw || base - sy > footing) continue;
      for (int x = 0; x < sw; x++) contact[y * sw + x] = small[sy * sw + x];
    }
    Plane contactBlur = new Plane(sw, sw, contact).gaussian(0.006 * sw);

    float[] shade = new float[size * size];
    for (int y = 0; y < size; y++) {
      double fy = Math.min(sw - 1.001, Math.max(0, (y + 0.5) / q - 0.5));
      int y0 = (int) fy;
      double ty = fy - y0;
      for (int x = 0; x < size; x++) {
        double fx = Math.min(sw - 1.001, Math.max(0, (x + 0.5) / q - 0.5));
        int x0 = (int) fx;
        double tx = fx - x0;
        double d = bilinear(dropBlur.v, sw, x0, y0, tx, ty);
        double c = bilinear(contactBlur.v, sw, x0, y0, tx, ty);
        double darkening = DROP_SHADOW_OPACITY * Math.min(1, 1.6 * d) + CONTACT_SHADOW_OPACITY * Math.min(1, 2.5 * c);
        shade[y * size + x] = (float) Math.max(0.45, 1 - darkening);
      }
    }
    return shade;
  }

  private static double bilinear(float[] v, int w, int x0, int y0, double tx, double ty) {
    int i = y0 * w + x0;
    double top = v[i] + tx * (v[i + 1] - v[i]);
    double bottom = v[i + w] + tx * (v[i + w + 1] - v[i + w]);
    return top + ty * (bottom - top);
  }

  /** A faint mirror image of the piece below its base, fading out over a third of its height. */
  private void reflect(float[][] p, int cw, int ch, int left, int top, int bottom, float[] r, float[] g, float[] b) {
    int depth = Math.max(1, (bottom - top) / 3);
    for (int d = 1; d <= depth; d++) {
      int y = bottom + d, sy = bottom - d - top;
      if (y >= size || sy < 0 || sy >= ch) break;
      double w = REFLECTION_OPACITY * (1 - (double) d / depth);
      for (int x = 0; x < cw; x++) {
        int cx = left + x;
        if (cx < 0 || cx >= size) continue;
        int s = sy * cw + x, o = y * size + cx;
        double a = w * p[3][s];
        r[o] = (float) (r[o] * (1 - a) + w * p[0][s]);
        g[o] = (float) (g[o] * (1 - a) + w * p[1][s]);
        b[o] = (float) (b[o] * (1 - a) + w * p[2][s]);
      }
    }
  }

  /** Premultiplied "over". */
  private void composite(float[][] p, int cw, int ch, int left, int top, float[] r, float[] g, float[] b) {
    for (int y = 0; y < ch; y++) {
      int oy = top + y;
      if (oy < 0 || oy >= size) continue;
      for (int x = 0; x < cw; x++) {
        int ox = left + x;
        if (ox < 0 || ox >= size) continue;
        int s = y * cw + x, o = oy * size + ox;
        float a = Math.max(0, Math.min(1, p[3][s]));
        r[o] = Math.max(0, p[0][s]) + (1 - a) * r[o];
        g[o] = Math.max(0, p[1][s]) + (1 - a) * g[o];
        b[o] = Math.max(0, p[2][s]) + (1 - a) * b[o];
      }
    }
  }

  private void place(float[] plane, int cw, int ch, int left, int top, float[] out) {
    for (int y = 0; y < ch; y++) {
      int oy = top + y;
      if (oy < 0 || oy >= size) continue;
      for (int x = 0; x < cw; x++) {
        int ox = left + x;
        if (ox >= 0 && ox < size) out[oy * size + ox] = Math.max(0, Math.min(1, plane[y * cw + x]));
      }
    }
  }

  private static float[] toFloats(Mask mask) {
    boolean[] bits = mask.bits();
    float[] out = new float[bits.length];
    for (int i = 0; i < bits.length; i++) out[i] = bits[i] ? 1f : 0f;
    return out;
  }

  private static double[] linear(int rgb) {
    return new double[] {
      ColourScience.linear(RgbImage.red(rgb)),
      ColourScience.linear(RgbImage.green(rgb)),
      ColourScience.linear(RgbImage.blue(rgb))
    };
  }

  private static Box expand(Box box, int margin, RgbImage frame) {
    int x0 = Math.max(0, box.x() - margin), y0 = Math.max(0, box.y() - margin);
    int x1 = Math.min(frame.width(), box.x() + box.width() + margin);
    int y1 = Math.min(frame.height(), box.y() + box.height() + margin);
    return new Box(x0, y0, x1 - x0, y1 - y0);
  }
}
