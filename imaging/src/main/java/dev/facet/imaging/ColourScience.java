package dev.facet.imaging;

import dev.facet.model.Lab;

/**
 * Every colour formula Facet uses, in one place: sRGB ↔ linear RGB ↔ CIE XYZ ↔ CIE L*a*b* (D65,
 * 2°), ΔE2000, and the white point of a black-body light of a given colour temperature.
 */
public final class ColourScience {

  /** D65 reference white, Y = 1. */
  private static final double XN = 0.95047, YN = 1.0, ZN = 1.08883;

  private static final double EPSILON = 216.0 / 24389.0;
  private static final double KAPPA = 24389.0 / 27.0;

  private static final float[] TO_LINEAR = new float[256];
  private static final int ENCODE_STEPS = 1 << 16;
  private static final byte[] TO_SRGB = new byte[ENCODE_STEPS + 1];

  static {
    for (int i = 0; i < 256; i++) {
      TO_LINEAR[i] = (float) srgbToLinear(i / 255.0);
    }
    for (int i = 0; i <= ENCODE_STEPS; i++) {
      TO_SRGB[i] = (byte) Math.round(linearToSrgb((double) i / ENCODE_STEPS) * 255.0);
    }
  }

  private ColourScience() {}

  // ---- transfer curve ---------------------------------------------------------------------------

  public static double srgbToLinear(double v) {
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  public static double linearToSrgb(double v) {
    return v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
  }

  /** Linear value of an 8-bit sRGB channel, from a table. */
  public static float linear(int channel8) {
    return TO_LINEAR[channel8];
  }

  /** The linear red, green and blue of a packed sRGB pixel, into {@code out}. */
  public static void linear(int rgb, float[] out) {
    out[0] = TO_LINEAR[RgbImage.red(rgb)];
    out[1] = TO_LINEAR[RgbImage.green(rgb)];
    out[2] = TO_LINEAR[RgbImage.blue(rgb)];
  }

  /** 8-bit sRGB channel of a linear value (clamped to 0..1), from a table: no pow per pixel. */
  public static int srgb8(double linear) {
    if (!(linear > 0)) {
      return 0;
    }
    if (linear >= 1) {
      return 255;
    }
    return TO_SRGB[(int) (linear * ENCODE_STEPS + 0.5)] & 0xFF;
  }

  /** Packs a linear RGB triple as 8-bit sRGB. */
  public static int packLinear(double r, double g, double b) {
    return (srgb8(r) << 16) | (srgb8(g) << 8) | srgb8(b);
  }

  /** Relative luminance Y of linear sRGB. */
  public static double luminance(double r, double g, double b) {
    return 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  }

  // ---- Lab --------------------------------------------------------------------------------------

  /** L*a*b* of linear sRGB, written into {@code out[0..2]}. */
  public static void linearToLab(double r, double g, double b, double[] out) {
    double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / XN;
    double y = (0.2126729 * r + 0.7151522 * g + 0.0721750 * b) / YN;
    double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / ZN;
    double fx = f(x), fy = f(y), fz = f(z);
    out[0] = 116 * fy - 16;
    out[1] = 500 * (fx - fy);
    out[2] = 200 * (fy - fz);
  }

  public static Lab lab(int rgb) {
    double[] out = new double[3];
    linearToLab(
        linear(RgbImage.red(rgb)), linear(RgbImage.green(rgb)), linear(RgbImage.blue(rgb)), out);
    return new Lab(out[0], out[1], out[2]);
  }

  /** L* of an 8-bit sRGB pixel. */
  public static double lightness(int rgb) {
    return lightnessOfLuminance(
        luminance(
            linear(RgbImage.red(rgb)), linear(RgbImage.green(rgb)), linear(RgbImage.blue(rgb))));
  }

  /** L* of a relative luminance Y (white = 1). */
  public static double lightnessOfLuminance(double y) {
    return 116 * f(y) - 16;
  }

  /** Linear sRGB of a Lab colour (may fall outside 0..1 for colours out of the sRGB gamut). */
  public static double[] labToLinear(Lab lab) {
    double fy = (lab.l() + 16) / 116;
    double fx = fy + lab.a() / 500;
    double fz = fy - lab.b() / 200;
    double x = XN * finv(fx), y = YN * finv(fy), z = ZN * finv(fz);
    return new double[] {
      3.2404542 * x - 1.5371385 * y - 0.4985314 * z,
      -0.9692660 * x + 1.8760108 * y + 0.0415560 * z,
      0.0556434 * x - 0.2040259 * y + 1.0572252 * z
    };
  }

  public static int toRgb(Lab lab) {
    double[] lin = labToLinear(lab);
    return packLinear(lin[0], lin[1], lin[2]);
  }

  private static double f(double t) {
    return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
  }

  private static final int F_STEPS = 16384;
  private static final double F_MAX = 1.25;
  private static final float[] F_TABLE = new float[F_STEPS + 2];

  static {
    for (int i = 0; i < F_TABLE.length; i++) F_TABLE[i] = (float) f(i * F_MAX / F_STEPS);
  }

  /** {@link #f} by linear interpolation in a table: L* within 0.01 of the exact value. */
  private static double fastF(double t) {
    if (t <= 0 || t >= F_MAX) {
      return f(t);
    }
    double pos = t * (F_STEPS / F_MAX);
    int i = (int) pos;
    double frac = pos - i;
    return F_TABLE[i] + frac * (F_TABLE[i + 1] - F_TABLE[i]);
  }

  /**
   * {@link #linearToLab} through a table instead of three cube roots: for per-pixel analysis, where
   * an error below 0.01 in L*, a*, b* does not matter and the speed does.
   */
  public static void linearToLabFast(double r, double g, double b, double[] out) {
    double fx = fastF((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / XN);
    double fy = fastF((0.2126729 * r + 0.7151522 * g + 0.0721750 * b) / YN);
    double fz = fastF((0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / ZN);
    out[0] = 116 * fy - 16;
    out[1] = 500 * (fx - fy);
    out[2] = 200 * (fy - fz);
  }

  private static double finv(double t) {
    double t3 = t * t * t;
    return t3 > EPSILON ? t3 : (116 * t - 16) / KAPPA;
  }

  // ---- ΔE2000 (Sharma, Wu, Dalal 2005)
  // ------------------------------------------------------------

  public static double deltaE2000(Lab p, Lab q) {
    double l1 = p.l(), a1 = p.a(), b1 = p.b();
    double l2 = q.l(), a2 = q.a(), b2 = q.b();
    double c1 = Math.hypot(a1, b1), c2 = Math.hypot(a2, b2);
    double cMean7 = Math.pow((c1 + c2) / 2, 7);
    double g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + Math.pow(25, 7))));
    double a1p = (1 + g) * a1, a2p = (1 + g) * a2;
    double c1p = Math.hypot(a1p, b1), c2p = Math.hypot(a2p, b2);
    double h1p = hueDegrees(b1, a1p), h2p = hueDegrees(b2, a2p);

    double dLp = l2 - l1;
    double dCp = c2p - c1p;
    double dhp;
    if (c1p * c2p == 0) {
      dhp = 0;
    } else if (Math.abs(h2p - h1p) <= 180) {
      dhp = h2p - h1p;
    } else if (h2p - h1p > 180) {
      dhp = h2p - h1p - 360;
    } else {
      dhp = h2p - h1p + 360;
    }
    double dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(dhp / 2));

    double lMean = (l1 + l2) / 2;
    double cMeanP = (c1p + c2p) / 2;
    double hMeanP;
    if (c1p * c2p == 0) {
      hMeanP = h1p + h2p;
    } else if (Math.abs(h1p - h2p) <= 180) {
      hMeanP = (h1p + h2p) / 2;
    } else if (h1p + h2p < 360) {
      hMeanP = (h1p + h2p + 360) / 2;
    } else {
      hMeanP = (h1p + h2p - 360) / 2;
    }
    double t =
        1
            - 0.17 * Math.cos(Math.toRadians(hMeanP - 30))
            + 0.24 * Math.cos(Math.toRadians(2 * hMeanP))
            + 0.32 * Math.cos(Math.toRadians(3 * hMeanP + 6))
            - 0.20 * Math.cos(Math.toRadians(4 * hMeanP - 63));
    double dTheta = 30 * Math.exp(-Math.pow((hMeanP - 275) / 25, 2));
    double cMeanP7 = Math.pow(cMeanP, 7);
    double rc = 2 * Math.sqrt(cMeanP7 / (cMeanP7 + Math.pow(25, 7)));
    double lm50 = (lMean - 50) * (lMean - 50);
    double sl = 1 + 0.015 * lm50 / Math.sqrt(20 + lm50);
    double sc = 1 + 0.045 * cMeanP;
    double sh = 1 + 0.015 * cMeanP * t;
    double rt = -Math.sin(Math.toRadians(2 * dTheta)) * rc;
    double dl = dLp / sl, dc = dCp / sc, dh = dHp / sh;
    return Math.sqrt(dl * dl + dc * dc + dh * dh + rt * dc * dh);
  }

  private static double hueDegrees(double b, double a) {
    if (a == 0 && b == 0) {
      return 0;
    }
    double h = Math.toDegrees(Math.atan2(b, a));
    return h < 0 ? h + 360 : h;
  }

  // ---- white points -----------------------------------------------------------------------------

  /** Colour temperature a daylight-balanced camera renders as neutral (photographic daylight). */
  public static final double DAYLIGHT_KELVIN = 5500;

  /**
   * Linear sRGB gains that tint neutral colours the way a black-body light of {@code kelvin} looks
   * to a camera balanced for {@link #DAYLIGHT_KELVIN}, normalised to unit luminance: 5500 K leaves
   * colours alone, 3200 K warms them, 9000 K cools them. Chromaticity from the Kim et al. (2002)
   * cubic fit of the Planckian locus, valid from 1667 K to 25000 K.
   */
  public static double[] kelvinGains(double kelvin) {
    double[] light = planckianLinearRgb(Math.max(1667, Math.min(25000, kelvin)));
    double[] neutral = planckianLinearRgb(DAYLIGHT_KELVIN);
    double[] gains = {light[0] / neutral[0], light[1] / neutral[1], light[2] / neutral[2]};
    double y = luminance(gains[0], gains[1], gains[2]);
    return new double[] {gains[0] / y, gains[1] / y, gains[2] / y};
  }

  /** Linear sRGB of black-body light at {@code kelvin}, luminance Y = 1. */
  static double[] planckianLinearRgb(double kelvin) {
    double t = kelvin, t2 = t * t, t3 = t2 * t;
    double x =
        t <= 4000
            ? -0.2661239e9 / t3 - 0.2343589e6 / t2 + 0.8776956e3 / t + 0.179910
            : -3.0258469e9 / t3 + 2.1070379e6 / t2 + 0.2226347e3 / t + 0.240390;
    double x2 = x * x, x3 = x2 * x;
    double y;
    if (t <= 2222) {
      y = -1.1063814 * x3 - 1.34811020 * x2 + 2.18555832 * x - 0.20219683;
    } else if (t <= 4000) {
      y = -0.9549476 * x3 - 1.37418593 * x2 + 2.09137015 * x - 0.16748867;
    } else {
      y = 3.0817580 * x3 - 5.87338670 * x2 + 3.75112997 * x - 0.37001483;
    }
    double bigX = x / y, bigY = 1, bigZ = (1 - x - y) / y;
    return new double[] {
      3.2404542 * bigX - 1.5371385 * bigY - 0.4985314 * bigZ,
      -0.9692660 * bigX + 1.8760108 * bigY + 0.0415560 * bigZ,
      0.0556434 * bigX - 0.2040259 * bigY + 1.0572252 * bigZ
    };
  }
}
