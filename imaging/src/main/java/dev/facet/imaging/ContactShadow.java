package dev.facet.imaging;

/**
 * The shadow a staged piece casts on the floor, as a multiplier on the background (1 = no shadow):
 * a wide soft shadow cast away from the light and a tight contact shadow squashed against the base,
 * both computed on a quarter-size copy of the placed alpha (they are soft anyway) and interpolated
 * up.
 */
final class ContactShadow {

  private static final int QUARTER = 4;

  /** How far the soft shadow is cast from the piece, share of the frame. */
  private static final double REACH = 0.010;

  /** Blur of the soft shadow and of the contact shadow, shares of the frame. */
  private static final double SOFT_BLUR = 0.018, CONTACT_BLUR = 0.006;

  /**
   * The contact shadow is the lowest tenth of the silhouette, flattened to a quarter of its height.
   */
  private static final double FOOTING = 0.10, SQUASH = 0.25;

  private ContactShadow() {}

  /** The placed piece's alpha at a pixel of the frame, 0..1. */
  @FunctionalInterface
  interface Alpha {
    float at(int x, int y);
  }

  /** The shadow over a {@code width} × {@code height} frame, made a row at a time. */
  static Shade shade(Alpha alpha, int width, int height, int productBottom, Staging.Shadow shadow) {
    int sw = Math.max(1, width / QUARTER), sh = Math.max(1, height / QUARTER);
    float[] small = new float[sw * sh];
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < sw; x++) {
        float s = 0;
        for (int yy = 0; yy < QUARTER; yy++) {
          for (int xx = 0; xx < QUARTER; xx++) {
            s +=
                alpha.at(
                    Math.min(width - 1, x * QUARTER + xx), Math.min(height - 1, y * QUARTER + yy));
          }
        }
        small[y * sw + x] = s / (QUARTER * QUARTER);
      }
    }
    int side = Math.min(sw, sh);
    // Soft shadow: the silhouette moved away from the light, blurred wide.
    double reach = REACH * side;
    int dx = (int) Math.round(-Math.cos(shadow.lightAngle()) * reach);
    int dy = (int) Math.round(Math.sin(shadow.lightAngle()) * reach);
    float[] cast = new float[small.length];
    for (int y = 0; y < sh; y++) {
      for (int x = 0; x < sw; x++) {
        int sx = x - dx, sy = y - dy;
        if (sx >= 0 && sy >= 0 && sx < sw && sy < sh) cast[y * sw + x] = small[sy * sw + sx];
      }
    }
    float[] soft = new Plane(sw, sh, cast).gaussian(SOFT_BLUR * side).v;
    // Contact shadow: what rests on the floor, flattened just under the base line.
    int base = Math.min(sh - 1, productBottom / QUARTER);
    int top = base;
    for (int y = 0; y < sh && top == base; y++) {
      for (int x = 0; x < sw; x++) {
        if (small[y * sw + x] > 0.5f) {
          top = y;
          break;
        }
      }
    }
    double footing = Math.max(2, FOOTING * (base - top));
    float[] contact = new float[small.length];
    for (int y = 0; y < sh; y++) {
      int sy = (int) Math.round(base - (base - y) / SQUASH);
      if (y > base + 1 || sy < 0 || sy >= sh || base - sy > footing) continue;
      System.arraycopy(small, sy * sw, contact, y * sw, sw);
    }
    float[] tight = new Plane(sw, sh, contact).gaussian(CONTACT_BLUR * side).v;
    return new Shade(soft, tight, sw, sh, width, shadow);
  }

  /**
   * The two shadows at quarter size, interpolated up a row at a time: a full-frame multiplier is 16
   * MB at 2000 px, held beside the picture.
   */
  record Shade(float[] soft, float[] tight, int sw, int sh, int width, Staging.Shadow shadow) {

    /** The multiplier (1 = no shadow) of frame row {@code y}, into {@code out}. */
    void row(int y, float[] out) {
      double fy = Math.min(sh - 1.001, Math.max(0, (y + 0.5) / QUARTER - 0.5));
      int y0 = (int) fy;
      double ty = fy - y0;
      for (int x = 0; x < width; x++) {
        double fx = Math.min(sw - 1.001, Math.max(0, (x + 0.5) / QUARTER - 0.5));
        int x0 = (int) fx;
        double tx = fx - x0;
        double darkening =
            shadow.soft() * Math.min(1, 1.6 * bilinear(soft, sw, x0, y0, tx, ty))
                + shadow.contact() * Math.min(1, 2.5 * bilinear(tight, sw, x0, y0, tx, ty));
        out[x] = (float) (1 - Math.min(Staging.MAX_DARKENING, darkening));
      }
    }
  }

  private static double bilinear(float[] v, int w, int x0, int y0, double tx, double ty) {
    int x1 = Math.min(x0 + 1, w - 1), rows = v.length / w, y1 = Math.min(y0 + 1, rows - 1);
    double top = v[y0 * w + x0] + tx * (v[y0 * w + x1] - v[y0 * w + x0]);
    double bottom = v[y1 * w + x0] + tx * (v[y1 * w + x1] - v[y1 * w + x0]);
    return top + ty * (bottom - top);
  }
}
