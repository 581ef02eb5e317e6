package dev.facet.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Where a {@link ProductView} is cut into facets: a cut stone's facets change lightness steeply and
 * in every direction, while polished metal changes smoothly, or steeply only across the parallel
 * edges of a highlight running along a band. Measured by the lightness gradient's structure tensor
 * over a small window: its strength (RMS gradient) and how much its directions agree (coherence, 1
 * for parallel edges, 0 for every direction alike). What tells a colourless stone from white metal,
 * which colour cannot.
 */
final class Facets {

  private static final int SIDE = ProductView.SIDE;

  /**
   * Window of the tensor: a Gaussian of this many pixels of the view (a small stone is 6-8 px
   * across).
   */
  private static final double WINDOW = 2;

  /** Faceted: lightness changes by at least this many L* per pixel of the view, on average... */
  private static final double STRENGTH = 10;

  /** ...in directions that agree no more than this. */
  private static final double COHERENCE = 0.5;

  /**
   * Possibly faceted (so not confidently plain metal): this share of the strength, this multiple of
   * the coherence.
   */
  private static final double POSSIBLY_STRENGTH = 0.6, POSSIBLY_COHERENCE = 1.4;

  private final float[] strength, coherence;

  private Facets(float[] strength, float[] coherence) {
    this.strength = strength;
    this.coherence = coherence;
  }

  static Facets of(ProductView view, LabPixels lab) {
    int n = SIDE * SIDE;
    float[] gx, gy;
    try (PointerScope scope = new PointerScope()) {
      Mat l = OpenCv.floats(SIDE, SIDE, lab.l()), dx = new Mat(), dy = new Mat();
      // 1/8 makes the 3x3 Sobel a per-pixel difference.
      Sobel(l, dx, CV_32F, 1, 0, 3, 0.125, 0, BORDER_REPLICATE);
      Sobel(l, dy, CV_32F, 0, 1, 3, 0.125, 0, BORDER_REPLICATE);
      gx = OpenCv.floats(dx);
      gy = OpenCv.floats(dy);
    }
    // The product's own gradients only: its outline against the backdrop is not a facet.
    boolean[] inside = OpenCv.morph(SIDE, SIDE, view.product(), -1);
    float[] xx = new float[n], yy = new float[n], xy = new float[n];
    for (int i = 0; i < n; i++) {
      if (!inside[i]) continue;
      xx[i] = gx[i] * gx[i];
      yy[i] = gy[i] * gy[i];
      xy[i] = gx[i] * gy[i];
    }
    float[] a = smoothed(xx), b = smoothed(yy), c = smoothed(xy);
    float[] strength = new float[n], coherence = new float[n];
    for (int i = 0; i < n; i++) {
      double trace = a[i] + b[i],
          spread = Math.sqrt(Math.max(0, (a[i] - b[i]) * (a[i] - b[i]) / 4 + c[i] * c[i]));
      strength[i] = (float) Math.sqrt(Math.max(0, trace));
      coherence[i] = trace > 1e-6 ? (float) (2 * spread / trace) : 1;
    }
    return new Facets(strength, coherence);
  }

  boolean faceted(int i) {
    return strength[i] >= STRENGTH && coherence[i] <= COHERENCE;
  }

  boolean possiblyFaceted(int i) {
    return strength[i] >= POSSIBLY_STRENGTH * STRENGTH
        && coherence[i] <= POSSIBLY_COHERENCE * COHERENCE;
  }

  private static float[] smoothed(float[] values) {
    try (PointerScope scope = new PointerScope()) {
      return OpenCv.floats(OpenCv.gaussian(OpenCv.floats(SIDE, SIDE, values), WINDOW));
    }
  }
}
