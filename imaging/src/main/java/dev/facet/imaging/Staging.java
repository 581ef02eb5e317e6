package dev.facet.imaging;

import dev.facet.imaging.matte.ProductMatte;
import dev.facet.model.Box;

/**
 * Puts a {@link Cutout} on a flat background, in linear light: scaled so the product spans the
 * scene's fill of the frame, centred (plus an offset), over a soft contact shadow and an optional
 * floor reflection that are made here, on purpose, never carried over from the seller's photo.
 */
public final class Staging {

  /**
   * Shadows stay light: at most this darkening anywhere, so a shadow never reads as a dark fragment
   * (the fixtures' studio photos darken their floor by at most 0.3 in linear light).
   */
  static final double MAX_DARKENING = 0.35;

  /**
   * How far from the piece a staged shadow may darken the floor at all, share of the frame's short
   * side: the soft shadow is cast 1 % away and blurred by 1.8 % (3σ ≈ 5.4 %); the rest is margin
   * for an approximate product mask. Beyond it the background is exactly the scene's colour.
   */
  public static final double SHADOW_REACH = 0.08;

  private Staging() {}

  /**
   * @param fill the product's longest side over the frame side it lies along
   * @param offsetX horizontal shift of the product's centre, share of the frame width
   * @param offsetY vertical shift, share of the frame height
   */
  public record Scene(
      int width,
      int height,
      int background,
      double fill,
      double offsetX,
      double offsetY,
      Shadow shadow,
      boolean reflection) {}

  /**
   * A soft shadow under the piece: a tight contact shadow where it meets the floor and a wide,
   * faint one cast away from the light.
   *
   * @param contact darkening right under the piece's base, 0..1
   * @param soft darkening of the wide shadow, 0..1
   * @param lightAngle where the key light comes from, radians (0 = from the right, π/2 = from
   *     above)
   */
  public record Shadow(double contact, double soft, double lightAngle) {
    public static final Shadow NONE = new Shadow(0, 0, Math.PI / 2);

    /** The studio's usual shadow, light from the upper left. */
    public static final Shadow SOFT = new Shadow(0.30, 0.10, Math.toRadians(125));

    public Shadow towards(double angle) {
      return new Shadow(contact, soft, angle);
    }

    boolean none() {
      return contact <= 0 && soft <= 0;
    }
  }

  /**
   * The staged picture, and the cut-out as placed in it, from which its matte is made when asked
   * for: a finished channel image needs none, and a full-frame matte is 16 bytes a pixel.
   */
  public record Staged(RgbImage image, Placed placed) {

    /** The product's matte in the picture (exact: the product was put there). */
    public ProductMatte matte() {
      return placedMatte(
          placed.planes, placed.width, placed.height, placed.left, placed.top, placed.scene);
    }
  }

  /** The resized cut-out's planes, their size, and where in the scene they were put. */
  record Placed(float[][] planes, int width, int height, int left, int top, Scene scene) {}

  public static Staged stage(Cutout cut, Scene scene) {
    int width = scene.width(), height = scene.height();
    Box box = cut.product();
    double scale =
        box.width() >= box.height()
            ? scene.fill() * width / box.width()
            : scene.fill() * height / box.height();
    int cw = Math.max(1, (int) Math.round(cut.width() * scale));
    int ch = Math.max(1, (int) Math.round(cut.height() * scale));
    float[][] p =
        Resampler.resize(
            new float[][] {cut.red(), cut.green(), cut.blue(), cut.alpha()},
            cut.width(),
            cut.height(),
            cw,
            ch);
    // The product's box (not the crop's) at the frame centre, plus the offset.
    int left =
        (int)
            Math.round(
                width / 2.0 + scene.offsetX() * width - (box.x() + box.width() / 2.0) * scale);
    int top =
        (int)
            Math.round(
                height / 2.0 + scene.offsetY() * height - (box.y() + box.height() / 2.0) * scale);
    int bottom = top + (int) Math.round((box.y() + box.height()) * scale);

    float[] shade =
        scene.shadow().none()
            ? null
            : ContactShadow.shade(
                placedAlpha(p[3], cw, ch, left, top, width, height),
                width,
                height,
                bottom,
                scene.shadow());
    float bgR = ColourScience.linear(RgbImage.red(scene.background()));
    float bgG = ColourScience.linear(RgbImage.green(scene.background()));
    float bgB = ColourScience.linear(RgbImage.blue(scene.background()));
    int n = width * height;
    float[] r = new float[n], g = new float[n], b = new float[n];
    for (int i = 0; i < n; i++) {
      float s = shade == null ? 1 : shade[i];
      r[i] = bgR * s;
      g[i] = bgG * s;
      b[i] = bgB * s;
    }
    if (scene.reflection()) {
      reflect(p, cw, ch, left, top, bottom, width, height, r, g, b);
    }
    for (int y = 0; y < ch; y++) {
      int oy = top + y;
      if (oy < 0 || oy >= height) continue;
      for (int x = 0; x < cw; x++) {
        int ox = left + x;
        if (ox < 0 || ox >= width) continue;
        int s = y * cw + x, o = oy * width + ox;
        float a = Math.max(0, Math.min(1, p[3][s]));
        if (a <= 0) continue;
        r[o] = Math.max(0, p[0][s]) + (1 - a) * r[o];
        g[o] = Math.max(0, p[1][s]) + (1 - a) * g[o];
        b[o] = Math.max(0, p[2][s]) + (1 - a) * b[o];
      }
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) out[i] = ColourScience.packLinear(r[i], g[i], b[i]);
    return new Staged(new RgbImage(width, height, out), new Placed(p, cw, ch, left, top, scene));
  }

  /** The placed cut-out as a matte of the frame: alpha and un-premultiplied colour. */
  private static ProductMatte placedMatte(
      float[][] p, int cw, int ch, int left, int top, Scene scene) {
    int width = scene.width(), height = scene.height();
    byte[] alpha = new byte[width * height];
    int[] colour = new int[width * height];
    for (int y = 0; y < ch; y++) {
      int oy = top + y;
      if (oy < 0 || oy >= height) continue;
      for (int x = 0; x < cw; x++) {
        int ox = left + x, s = y * cw + x;
        float a = Math.max(0, Math.min(1, p[3][s]));
        if (ox < 0 || ox >= width || a < 1e-3f) continue;
        int o = oy * width + ox;
        alpha[o] = ProductMatte.coverage(a);
        colour[o] = ColourScience.packLinear(p[0][s] / a, p[1][s] / a, p[2][s] / a);
      }
    }
    return new ProductMatte(
        width, height, alpha, colour, BackdropModel.flat(scene.background(), width, height));
  }

  /**
   * Reflection strength right at the base; it fades to nothing over a third of the piece's height.
   */
  private static final double REFLECTION_OPACITY = 0.16;

  /** A faint mirror image of the piece below its base. */
  private static void reflect(
      float[][] p,
      int cw,
      int ch,
      int left,
      int top,
      int bottom,
      int width,
      int height,
      float[] r,
      float[] g,
      float[] b) {
    int depth = Math.max(1, (bottom - top) / 3);
    for (int d = 1; d <= depth; d++) {
      int y = bottom + d, sy = bottom - d - top;
      if (y >= height || sy < 0 || sy >= ch) break;
      double w = REFLECTION_OPACITY * (1 - (double) d / depth);
      for (int x = 0; x < cw; x++) {
        int cx = left + x;
        if (cx < 0 || cx >= width) continue;
        int s = sy * cw + x, o = y * width + cx;
        double a = w * p[3][s];
        r[o] = (float) (r[o] * (1 - a) + w * p[0][s]);
        g[o] = (float) (g[o] * (1 - a) + w * p[1][s]);
        b[o] = (float) (b[o] * (1 - a) + w * p[2][s]);
      }
    }
  }

  private static float[] placedAlpha(
      float[] a, int cw, int ch, int left, int top, int width, int height) {
    float[] out = new float[width * height];
    for (int y = 0; y < ch; y++) {
      int oy = top + y;
      if (oy < 0 || oy >= height) continue;
      for (int x = 0; x < cw; x++) {
        int ox = left + x;
        if (ox >= 0 && ox < width) out[oy * width + ox] = Math.max(0, Math.min(1, a[y * cw + x]));
      }
    }
    return out;
  }
}
