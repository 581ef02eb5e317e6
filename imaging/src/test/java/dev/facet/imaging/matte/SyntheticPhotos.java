package dev.facet.imaging.matte;

import dev.facet.imaging.ColourScience;
import dev.facet.imaging.RgbImage;
import java.util.function.IntBinaryOperator;

/**
 * Photos drawn for the matte's tests, where the truth is known exactly: a backdrop (flat or a paper
 * sweep with vignetting), a soft cast shadow, and pieces drawn over it pixel by pixel.
 */
final class SyntheticPhotos {

  static final int SIZE = 800;

  private SyntheticPhotos() {}

  /** Paper of this colour, darkening by up to 12 % toward the corners (white stays flat). */
  static int[] paper(int rgb) {
    int[] px = new int[SIZE * SIZE];
    boolean white = rgb == 0xFFFFFF;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        double r2 =
            (Math.pow(x - SIZE / 2.0, 2) + Math.pow(y - SIZE / 2.0, 2)) / (SIZE * SIZE / 2.0);
        px[y * SIZE + x] = white ? rgb : scaled(rgb, 1 - 0.12 * r2);
      }
    }
    return px;
  }

  /** A soft shadow (darkening up to {@code depth}) in the ellipse at (cx, cy) with radii rx, ry. */
  static void shadow(int[] px, double cx, double cy, double rx, double ry, double depth) {
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        double d = Math.hypot((x - cx) / rx, (y - cy) / ry);
        if (d < 1.6) {
          double k = d < 1 ? 1 : Math.pow(Math.cos((d - 1) / 0.6 * Math.PI / 2), 2);
          px[y * SIZE + x] = scaled(px[y * SIZE + x], 1 - depth * k);
        }
      }
    }
  }

  /** Paints {@code colour(x, y)} where it is not -1. */
  static void paint(int[] px, IntBinaryOperator colour) {
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int c = colour.applyAsInt(x, y);
        if (c >= 0) px[y * SIZE + x] = c;
      }
    }
  }

  /**
   * Polished white metal as a mirror shows it: crisp bands of the surroundings it reflects (dark,
   * mid, light), and, where it mirrors the paper, exactly the backdrop's colour.
   */
  static int whiteMetal(double phase, int backdrop) {
    double band = Math.sin(phase);
    if (band > 0.8) return backdrop; // a highlight that mirrors the paper
    int v = band > 0.3 ? 205 : band > -0.4 ? 150 : 95;
    return RgbImage.pack(v, v, v + 2);
  }

  /** As {@link #whiteMetal}, with the dark rim polished metal shows along its edges. */
  static int whiteMetalWithRim(double phase, double toEdge, int backdrop) {
    return toEdge < 3 ? RgbImage.pack(80, 80, 82) : whiteMetal(phase, backdrop);
  }

  static RgbImage image(int[] px) {
    return new RgbImage(SIZE, SIZE, px);
  }

  static int scaled(int rgb, double k) {
    return ColourScience.packLinear(
        k * ColourScience.linear(RgbImage.red(rgb)),
        k * ColourScience.linear(RgbImage.green(rgb)),
        k * ColourScience.linear(RgbImage.blue(rgb)));
  }
}
