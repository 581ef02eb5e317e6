package dev.facet.imaging;

import dev.facet.imaging.matte.ProductMatte;
import dev.facet.model.Box;
import java.util.Arrays;

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
      return placedMatte(placed);
    }
  }

  /**
   * The resized cut-out, interleaved premultiplied linear RGB and alpha ({@link #CHANNELS} a
   * pixel), its size, and where in the scene it was put.
   */
  record Placed(float[] rgba, int width, int height, int left, int top, Scene scene) {

    /** Its alpha at frame pixel (x, y), 0..1: 0 outside it. */
    float alpha(int x, int y) {
      int px = x - left, py = y - top;
      if (px < 0 || py < 0 || px >= width || py >= height) return 0;
      return Math.max(0, Math.min(1, rgba[CHANNELS * (py * width + px) + 3]));
    }
  }

  private static final int CHANNELS = 4;

  public static Staged stage(Cutout cut, Scene scene) {
    int width = scene.width(), height = scene.height();
    Box box = cut.product();
    double scale =
        box.width() >= box.height()
            ? scene.fill() * width / box.width()
            : scene.fill() * height / box.height();
    int cw = Math.max(1, (int) Math.round(cut.width() * scale));
    int ch = Math.max(1, (int) Math.round(cut.height() * scale));
    float[] p = Resampler.resizeInterleaved(cut::rows, CHANNELS, cut.width(), cut.height(), cw, ch);
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
    Placed placed = new Placed(p, cw, ch, left, top, scene);

    ContactShadow.Shade shade =
        scene.shadow().none()
            ? null
            : ContactShadow.shade(placed::alpha, width, height, bottom, scene.shadow());
    int depth = scene.reflection() ? reflectionDepth(placed, bottom) : 0;
    float bgR = ColourScience.linear(RgbImage.red(scene.background()));
    float bgG = ColourScience.linear(RgbImage.green(scene.background()));
    float bgB = ColourScience.linear(RgbImage.blue(scene.background()));
    // A row at a time: full-frame float planes were 64 MB at 2000 px, beside the picture.
    float[] r = new float[width], g = new float[width], b = new float[width];
    float[] s = new float[width];
    if (shade == null) Arrays.fill(s, 1);
    int[] out = new int[width * height];
    for (int y = 0; y < height; y++) {
      if (shade != null) shade.row(y, s);
      for (int x = 0; x < width; x++) {
        r[x] = bgR * s[x];
        g[x] = bgG * s[x];
        b[x] = bgB * s[x];
      }
      int d = y - bottom;
      if (d >= 1 && d <= depth) reflect(placed, bottom, d, r, g, b);
      composite(placed, y, r, g, b);
      for (int x = 0, o = y * width; x < width; x++, o++) {
        out[o] = ColourScience.packLinear(r[x], g[x], b[x]);
      }
    }
    return new Staged(new RgbImage(width, height, out), placed);
  }

  /** The placed cut-out over frame row {@code y}'s background. */
  private static void composite(Placed placed, int y, float[] r, float[] g, float[] b) {
    int sy = y - placed.top, width = r.length, cw = placed.width;
    if (sy < 0 || sy >= placed.height) return;
    float[] p = placed.rgba;
    for (int x = 0; x < cw; x++) {
      int ox = placed.left + x;
      if (ox < 0 || ox >= width) continue;
      int s = CHANNELS * (sy * cw + x);
      float a = Math.max(0, Math.min(1, p[s + 3]));
      if (a <= 0) continue;
      r[ox] = Math.max(0, p[s]) + (1 - a) * r[ox];
      g[ox] = Math.max(0, p[s + 1]) + (1 - a) * g[ox];
      b[ox] = Math.max(0, p[s + 2]) + (1 - a) * b[ox];
    }
  }

  /** The placed cut-out as a matte of the frame: alpha and un-premultiplied colour. */
  private static ProductMatte placedMatte(Placed placed) {
    Scene scene = placed.scene;
    int width = scene.width(), height = scene.height(), cw = placed.width;
    float[] p = placed.rgba;
    byte[] alpha = new byte[width * height];
    int[] colour = new int[width * height];
    for (int y = 0; y < placed.height; y++) {
      int oy = placed.top + y;
      if (oy < 0 || oy >= height) continue;
      for (int x = 0; x < cw; x++) {
        int ox = placed.left + x, s = CHANNELS * (y * cw + x);
        float a = Math.max(0, Math.min(1, p[s + 3]));
        if (ox < 0 || ox >= width || a < 1e-3f) continue;
        int o = oy * width + ox;
        alpha[o] = ProductMatte.coverage(a);
        colour[o] = ColourScience.packLinear(p[s] / a, p[s + 1] / a, p[s + 2] / a);
      }
    }
    return new ProductMatte(
        width, height, alpha, colour, BackdropModel.flat(scene.background(), width, height));
  }

  /**
   * Reflection strength right at the base; it fades to nothing over a third of the piece's height.
   */
  private static final double REFLECTION_OPACITY = 0.16;

  /**
   * How many rows under the base the reflection reaches: a third of the piece's height, within the
   * frame and the cut-out.
   */
  private static int reflectionDepth(Placed placed, int bottom) {
    int depth = Math.max(1, (bottom - placed.top) / 3), reach = 0;
    for (int d = 1; d <= depth; d++) {
      int y = bottom + d, sy = bottom - d - placed.top;
      if (y >= placed.scene.height() || sy < 0 || sy >= placed.height) break;
      reach = d;
    }
    return reach;
  }

  /** A faint mirror image of the piece, {@code d} rows below its base, over that row. */
  private static void reflect(Placed placed, int bottom, int d, float[] r, float[] g, float[] b) {
    int depth = Math.max(1, (bottom - placed.top) / 3), sy = bottom - d - placed.top;
    int width = r.length, cw = placed.width;
    float[] p = placed.rgba;
    double w = REFLECTION_OPACITY * (1 - (double) d / depth);
    for (int x = 0; x < cw; x++) {
      int cx = placed.left + x;
      if (cx < 0 || cx >= width) continue;
      int s = CHANNELS * (sy * cw + x);
      double a = w * p[s + 3];
      r[cx] = (float) (r[cx] * (1 - a) + w * p[s]);
      g[cx] = (float) (g[cx] * (1 - a) + w * p[s + 1]);
      b[cx] = (float) (b[cx] * (1 - a) + w * p[s + 2]);
    }
  }
}
