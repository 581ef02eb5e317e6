package dev.facet.imaging.matte;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.Canny;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;
import static org.bytedeco.opencv.global.opencv_imgproc.boxFilter;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.facet.imaging.BackdropModel;
import dev.facet.imaging.ColourScience;
import dev.facet.imaging.OpenCv;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Box;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * What each pixel of the working copy says about being product, measured against the backdrop
 * fitted behind it:
 *
 * <ul>
 *   <li>{@code logRatio}: lightness over the backdrop's (log of linear light; a shadow is
 *       negative);
 *   <li>{@code colour}: a colour the backdrop cannot have, even in shadow (a shadow is a darker
 *       copy of the backdrop's colour; gold, rose gold, stones and even silver on tinted paper are
 *       not);
 *   <li>{@code bright}: lighter than the paper (a highlight);
 *   <li>{@code outline}: long, crisp edges (a penumbra is soft, paper mottling is short; around a
 *       piece with a colour of its own, an edge with floor on both sides is a shadow's), with the
 *       piece's silhouette completed where it fades out against the backdrop ({@link
 *       OutlineLinks});
 *   <li>{@code texture}: mid-scale structure; metal mirrors its surroundings in stripes, a shadow
 *       is smooth.
 * </ul>
 *
 * Thresholds adapt to the photo: noise is read from the frame's border band, where only backdrop is
 * expected.
 *
 * <p>Over 400 lines because each cue builds on the ones before it, against the same backdrop and
 * noise bars: one class shows everything the matte sees.
 */
final class Cues {

  /** Added to linear values before taking logs, so the darkest pixels' noise is not amplified. */
  private static final float EPS = 0.01f;

  /** A crisp step this many times the border's gradient noise is a full-strength edge. */
  private static final double EDGE_FULL = 20;

  /**
   * How far (px) an outline's own contrast reaches into the texture measure (band-pass and
   * pooling).
   */
  private static final int OUTLINE_BLEED = 6;

  /** Share of the short side along the frame edge where only backdrop is expected. */
  private static final double BORDER = 0.02;

  final int width, height;
  final RgbImage work;
  final BackdropModel backdrop;
  final float[] logRatio;

  /** Per-pixel colour difference from the backdrop, three interleaved log channels summing to 0. */
  final float[] chroma;

  /** {@link #chroma}'s magnitude after 1.5 px smoothing. */
  final float[] colourDistance;

  /**
   * Colour differences above this are product colour; below {@link #noiseColour} they are paper.
   */
  final double productColour, noiseColour;

  final boolean[] colour, bright, outline, border;

  /**
   * The parts of {@link #outline} whose median contrast clears the hysteresis's upper bar: a
   * piece's outline, not the mottling of a rendered or grainy shadow, whose pieces reach that bar
   * only here and there.
   */
  final boolean[] strongOutline;

  final float[] texture;

  /**
   * {@link #texture} measured away from the outline (whose own contrast bleeds into its
   * surroundings); NaN within reach of it.
   */
  final float[] textureAway;

  /** How strongly each pixel lies on a crisp edge, 0..1: what a watershed border settles on. */
  final float[] edgeStrength;

  /** The fine gradient of L* in multiples of the border's gradient noise. */
  private final float[] contrast;

  /** The border's median mid-scale energy, which {@link #texture} is measured in. */
  double textureReference;

  /** The piece's own colour where it meets the paper (see {@link Sides#silhouetteColour}). */
  double silhouetteColour;

  private Cues(RgbImage work, BackdropModel backdrop, MattingSettings s) {
    this.work = work;
    this.backdrop = backdrop;
    width = work.width();
    height = work.height();
    int n = width * height;
    float[] lin = OpenCv.floats(OpenCv.linearRgb(work));
    float[] back = backdrop.linearRgb();
    logRatio = new float[n];
    chroma = new float[3 * n];
    for (int i = 0; i < n; i++) {
      float l = 0;
      for (int c = 0; c < 3; c++) {
        float v = (float) Math.log((lin[3 * i + c] + EPS) / (back[3 * i + c] + EPS));
        chroma[3 * i + c] = v;
        l += v;
      }
      l /= 3;
      logRatio[i] = l;
      for (int c = 0; c < 3; c++) chroma[3 * i + c] -= l;
    }
    border = borderBand(width, height);

    float[] smooth = OpenCv.floats(OpenCv.gaussian(interleaved(chroma), 1.5));
    colourDistance = new float[n];
    for (int i = 0; i < n; i++) {
      colourDistance[i] =
          (float)
              Math.sqrt(
                  smooth[3 * i] * smooth[3 * i]
                      + smooth[3 * i + 1] * smooth[3 * i + 1]
                      + smooth[3 * i + 2] * smooth[3 * i + 2]);
    }
    noiseColour =
        Math.max(s.chromaMin(), s.chromaNoiseFactor() * quantile(colourDistance, border, 0.99));
    // The product's own typical colour difference, so a tint it reflects into its shadow is not
    // product.
    boolean[] coloured = new boolean[n];
    for (int i = 0; i < n; i++) coloured[i] = colourDistance[i] > noiseColour;
    double typical = quantile(colourDistance, coloured, 0.5);
    productColour =
        Math.max(noiseColour, s.chromaProductShare() * (Double.isNaN(typical) ? 0 : typical));

    colour = new boolean[n];
    bright = new boolean[n];
    for (int i = 0; i < n; i++) {
      colour[i] = colourDistance[i] > productColour;
      bright[i] = logRatio[i] > s.brightLogRatio();
    }
    edgeStrength = new float[n];
    contrast = new float[n];
    Edges edges = edges(lin, s);
    boolean[] strong = strongParts(edges.outline, s);
    // Only the silhouette is completed: inside the piece, and in a mottled shadow, edges that stop
    // are not breaks.
    boolean[] near = nearBackdrop(edges.outline, s),
        silhouette = new boolean[n],
        fainter = new boolean[n];
    for (int i = 0; i < n; i++) {
      silhouette[i] = strong[i] && near[i];
      fainter[i] = edges.faint[i] && near[i] && !edges.outline[i];
    }
    boolean[] completion =
        OutlineLinks.completing(width, height, silhouette, fainter, s.linkLength());
    outline = OutlineLinks.or(edges.outline, completion);
    strongOutline = OutlineLinks.or(strong, completion);
    texture = texture(s, null);
    textureAway = texture(s, OpenCv.morph(width, height, outline, OUTLINE_BLEED));
  }

  /** The cues of {@code photo}, measured on a copy no larger than the settings' working side. */
  static Cues of(RgbImage photo, MattingSettings s) {
    RgbImage work = workingCopy(photo, s.workingSide());
    return new Cues(work, BackdropModel.fit(work), s);
  }

  /**
   * Area-averaged in linear light, so highlights keep their energy; in strips of rows that map onto
   * whole rows of the copy at the same scale, so each strip averages exactly as the whole photo
   * would, without a float copy of all of it (108 MB at 3000 px).
   */
  static RgbImage workingCopy(RgbImage photo, int side) {
    double scale = Math.min(1.0, (double) side / photo.longSide());
    if (scale >= 1) return photo;
    int w = Math.max(1, (int) Math.round(photo.width() * scale));
    int h = Math.max(1, (int) Math.round(photo.height() * scale));
    int common = gcd(photo.height(), h), unit = photo.height() / common, unitOut = h / common;
    int strip = Math.max(1, STRIP_ROWS / unit) * unit;
    int[] px = new int[w * h];
    for (int top = 0; top < photo.height(); top += strip) {
      int rows = Math.min(strip, photo.height() - top), out = top / unit * unitOut;
      float[] v;
      try (PointerScope scope = new PointerScope()) {
        Mat small = new Mat();
        Mat linear = OpenCv.linearRgb(photo, new Box(0, top, photo.width(), rows));
        resize(linear, small, new Size(w, rows / unit * unitOut), 0, 0, INTER_AREA);
        v = OpenCv.floats(small);
      }
      for (int i = 0, o = out * w; i < v.length / 3; i++, o++) {
        px[o] = ColourScience.packLinear(v[3 * i], v[3 * i + 1], v[3 * i + 2]);
      }
    }
    return new RgbImage(w, h, px);
  }

  /** Source rows per strip of {@link #workingCopy}, at least: a whole number of its units. */
  private static final int STRIP_ROWS = 256;

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /**
   * What says "product" by itself: a colour the backdrop cannot have, a highlight, or an outline.
   */
  boolean[] evidence() {
    return evidence(outline);
  }

  private boolean[] evidence(boolean[] edges) {
    boolean[] out = new boolean[width * height];
    for (int i = 0; i < out.length; i++) out[i] = colour[i] || bright[i] || edges[i];
    return out;
  }

  /**
   * Within reach of the backdrop that the frame reaches through the evidence: where the silhouette
   * runs.
   */
  private boolean[] nearBackdrop(boolean[] edges, MattingSettings s) {
    boolean[] backdrop =
        Regions.openBetween(width, height, evidence(edges), s.bridgeRadius()).reachingFrame();
    return OpenCv.morph(width, height, backdrop, s.bridgeRadius() + 2);
  }

  /**
   * Darker than the backdrop (or as light), of its colour, and not lit up: what a shadow can be.
   */
  boolean shadowLike(int i, MattingSettings s) {
    return colourDistance[i] <= productColour && logRatio[i] < s.holeLogRatio() && !bright[i];
  }

  /** As light as the backdrop and of its colour: what a ring's hole shows. */
  boolean backdropLike(int i, MattingSettings s) {
    return Math.abs(logRatio[i]) < s.holeLogRatio() && colourDistance[i] < noiseColour;
  }

  /** The outline, and the fainter crisp edges that may continue it. */
  private record Edges(boolean[] outline, boolean[] faint) {}

  /**
   * Long crisp edges of the lightness (L*): Canny on the image smoothed at 1 px, kept where the
   * fine gradient is close to the coarse one (a step edge, not a penumbra) or rises abruptly from
   * the lighter side (a step into a face that shades on) over a 9 px stretch, and in pieces of at
   * least {@link MattingSettings#edgeMinLength()}. Besides the outline (hysteresis between the low
   * and the high bar), the crisp edges above the low bar alone: where the outline of a piece fades
   * out against the backdrop, what may continue it.
   */
  private Edges edges(float[] lin, MattingSettings s) {
    int n = width * height;
    float[] lightness = new float[n];
    for (int i = 0; i < n; i++) {
      double y = ColourScience.luminance(lin[3 * i], lin[3 * i + 1], lin[3 * i + 2]);
      lightness[i] = (float) ColourScience.lightnessOfLuminance(y);
    }
    Mat l = OpenCv.floats(width, height, lightness);
    Mat fine = OpenCv.gaussian(l, 1.0);
    float[][] fineSobel = sobel(fine);
    float[] g1 = magnitude(fineSobel), g3 = magnitude(sobel(OpenCv.gaussian(l, 3.0)));
    double noise = Math.max(0.05, quantile(g1, border, 0.99));
    for (int i = 0; i < n; i++) {
      contrast[i] = (float) (g1[i] / noise);
      // A step edge reads 1, a penumbra 1/3: only the crisp part of a gradient is an edge to settle
      // on.
      double c = Math.max(0, Math.min(1, (g1[i] / (3 * g3[i] + 1e-3) - 1.0 / 3) * 1.5));
      edgeStrength[i] = (float) (c * Math.min(1, g1[i] / (EDGE_FULL * noise)));
    }

    // Canny on the smoothed lightness, its gradients scaled so the thresholds are in L* per pixel.
    final double unit = 64;
    Mat dx = new Mat(), dy = new Mat();
    Sobel(
        fine,
        dx,
        CV_16S,
        1,
        0,
        3,
        unit / 8,
        0,
        org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE);
    Sobel(
        fine,
        dy,
        CV_16S,
        0,
        1,
        3,
        unit / 8,
        0,
        org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE);
    double low = s.edgeLow() * noise * unit;
    boolean[] outline = canny(dx, dy, low, s.edgeHigh() * noise * unit),
        faint = canny(dx, dy, low, low);
    Sides sides = new Sides(fineSobel[0], fineSobel[1]);
    // Around gold, an edge with floor on both sides is a shadow's; white metal is as grey as its
    // shadow.
    silhouetteColour = sides.silhouetteColour(outline, s);
    if (silhouetteColour >= s.colouredPiece() * noiseColour) {
      boolean[] floor = sides.floorEdges(faint, s);
      for (int i = 0; i < n; i++) {
        outline[i] &= !floor[i];
        faint[i] &= !floor[i];
      }
    }
    return new Edges(crisp(outline, g1, g3, sides, s), crisp(faint, g1, g3, sides, s));
  }

  /**
   * How far (px) across an edge its two sides are sampled: past its blur, not past a thin shadow.
   */
  private static final int SIDE = 3;

  /** The lighter and the darker side of each edge pixel, across the edge along the gradient. */
  private final class Sides {
    private final int[] light, dark;

    Sides(float[] gx, float[] gy) {
      int n = width * height;
      light = new int[n];
      dark = new int[n];
      for (int i = 0; i < n; i++) {
        double g = Math.hypot(gx[i], gy[i]);
        int x = i % width, y = i / width;
        light[i] = g == 0 ? -1 : at(x + SIDE * gx[i] / g, y + SIDE * gy[i] / g);
        dark[i] = g == 0 ? -1 : at(x - SIDE * gx[i] / g, y - SIDE * gy[i] / g);
      }
    }

    /**
     * The median colour difference on the darker side of the edges that have paper on their lighter
     * side: gold's own colour around a gold piece, nearly none around white metal (whatever stone
     * it holds, and wherever its shadow falls).
     */
    double silhouetteColour(boolean[] edge, MattingSettings s) {
      int n = edge.length;
      boolean[] against = new boolean[n];
      float[] colourOfDark = new float[n];
      for (int i = 0; i < n; i++) {
        against[i] = edge[i] && light[i] >= 0 && dark[i] >= 0 && backdropLike(light[i], s);
        colourOfDark[i] = against[i] ? colourDistance[dark[i]] : 0;
      }
      double median = quantile(colourOfDark, against, 0.5);
      return Double.isNaN(median) ? 0 : median;
    }

    /**
     * Edges between paper and its own shadow: on both sides {@link #shadowLike} floor, along most
     * ({@link MattingSettings#shadowShare}) of a {@link MattingSettings#floorEdgeLength} stretch.
     */
    boolean[] floorEdges(boolean[] edge, MattingSettings s) {
      int n = edge.length;
      float[] floor = new float[n], on = new float[n];
      for (int i = 0; i < n; i++) {
        on[i] = edge[i] ? 1 : 0;
        boolean sided = edge[i] && light[i] >= 0 && dark[i] >= 0;
        floor[i] = sided && shadowLike(light[i], s) && shadowLike(dark[i], s) ? 1 : 0;
      }
      float[] sum = boxSum(floor, s.floorEdgeLength()), count = boxSum(on, s.floorEdgeLength());
      boolean[] out = new boolean[n];
      for (int i = 0; i < n; i++) out[i] = edge[i] && sum[i] >= s.shadowShare() * count[i];
      return out;
    }

    /**
     * How abruptly the edge starts from its lighter side: 1 where the gradient there has died away
     * (paper, then the step), less where the darkening began earlier (a penumbra).
     */
    double onset(int i, float[] g) {
      return light[i] < 0 || g[i] <= 0 ? 0 : Math.max(0, 1 - g[light[i]] / g[i]);
    }

    private int at(double x, double y) {
      int ix = (int) Math.round(x), iy = (int) Math.round(y);
      return ix < 0 || iy < 0 || ix >= width || iy >= height ? -1 : iy * width + ix;
    }
  }

  private static boolean[] canny(Mat dx, Mat dy, double low, double high) {
    Mat edges = new Mat();
    Canny(dx, dy, edges, low, high, true);
    return OpenCv.bits(edges);
  }

  /** The crisp stretches of {@code edge} (see {@link #edges}), in pieces of the least length. */
  private boolean[] crisp(boolean[] edge, float[] g1, float[] g3, Sides sides, MattingSettings s) {
    int n = edge.length;
    float[] crisp = new float[n], on = new float[n];
    for (int i = 0; i < n; i++) {
      on[i] = edge[i] ? 1 : 0;
      crisp[i] = edge[i] ? (float) Math.max(g1[i] / (3 * g3[i] + 1e-3), sides.onset(i, g1)) : 0;
    }
    float[] crispNear = OpenCv.floats(OpenCv.dilated(OpenCv.floats(width, height, crisp), 1));
    for (int i = 0; i < n; i++) crispNear[i] *= on[i];
    float[] sum = boxSum(crispNear, 9), count = boxSum(on, 9);
    boolean[] crispEdge = new boolean[n];
    for (int i = 0; i < n; i++) crispEdge[i] = edge[i] && sum[i] >= s.edgeCrispness() * count[i];
    return Regions.of(width, height, crispEdge, true).keepLarger(s.edgeMinLength());
  }

  private boolean[] strongParts(boolean[] edges, MattingSettings s) {
    Regions parts = Regions.of(width, height, edges, true);
    double[][] median = parts.medians(contrast, 1);
    boolean[] strong = new boolean[parts.count + 1];
    for (int r = 1; r <= parts.count; r++) strong[r] = median[r][0] >= s.edgeHigh();
    return parts.select(strong);
  }

  /**
   * Mid-scale structure of the lightness ratio (band-pass 1-4 px, energy pooled over 6 px), over
   * the border's (or over {@link MattingSettings#textureFloor()}, whichever is larger).
   */
  private float[] texture(MattingSettings s, boolean[] excluded) {
    Mat l = OpenCv.floats(width, height, logRatio);
    float[] a = OpenCv.floats(OpenCv.gaussian(l, 1.0)), b = OpenCv.floats(OpenCv.gaussian(l, 4.0));
    float[] energy = new float[a.length], weight = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      weight[i] = excluded != null && excluded[i] ? 0 : 1;
      energy[i] = weight[i] * (a[i] - b[i]) * (a[i] - b[i]);
    }
    float[] pooled = OpenCv.floats(OpenCv.gaussian(OpenCv.floats(width, height, energy), 6.0));
    float[] coverage = OpenCv.floats(OpenCv.gaussian(OpenCv.floats(width, height, weight), 6.0));
    if (excluded == null) {
      // A studio or generated background can be cleaner than any paper: measure against paper's
      // grain then.
      textureReference = Math.max(s.textureFloor(), quantile(pooled, border, 0.5));
    }
    for (int i = 0; i < pooled.length; i++) {
      pooled[i] =
          coverage[i] < MIN_COVERAGE
              ? Float.NaN
              : (float) (pooled[i] / coverage[i] / textureReference);
    }
    return pooled;
  }

  /**
   * {@link #texture} as seen from inside {@code where}: the band-pass and the pooling average only
   * its own pixels, so the contrast of the outlines around a narrow region does not bleed in (a
   * ring's opening seen edge-on is smooth paper, however close its rims). NaN outside it.
   */
  float[] textureInside(boolean[] where) {
    int n = where.length;
    float[] inside = new float[n], values = new float[n];
    for (int i = 0; i < n; i++) {
      inside[i] = where[i] ? 1 : 0;
      values[i] = where[i] ? logRatio[i] : 0;
    }
    float[] fine = normalised(values, inside, 1.0),
        coarse = normalised(values, inside, 4.0),
        energy = new float[n];
    for (int i = 0; i < n; i++)
      energy[i] = where[i] ? (fine[i] - coarse[i]) * (fine[i] - coarse[i]) : 0;
    float[] pooled = normalised(energy, inside, 6.0);
    for (int i = 0; i < n; i++)
      pooled[i] = where[i] ? (float) (pooled[i] / textureReference) : Float.NaN;
    return pooled;
  }

  /** A Gaussian average of {@code values} over the pixels of {@code weight} only. */
  private float[] normalised(float[] values, float[] weight, double sigma) {
    float[] sum = OpenCv.floats(OpenCv.gaussian(OpenCv.floats(width, height, values), sigma));
    float[] norm = OpenCv.floats(OpenCv.gaussian(OpenCv.floats(width, height, weight), sigma));
    for (int i = 0; i < sum.length; i++) sum[i] = norm[i] > 1e-6f ? sum[i] / norm[i] : 0;
    return sum;
  }

  /** Where less than this share of the pooling window is measurable, texture is unknown. */
  private static final float MIN_COVERAGE = 0.2f;

  /** The plane's Sobel derivatives along x and y. */
  private static float[][] sobel(Mat plane) {
    Mat gx = new Mat(), gy = new Mat();
    Sobel(plane, gx, CV_32F, 1, 0);
    Sobel(plane, gy, CV_32F, 0, 1);
    return new float[][] {OpenCv.floats(gx), OpenCv.floats(gy)};
  }

  /** The gradient's magnitude per pixel, in the plane's units per pixel. */
  private static float[] magnitude(float[][] sobel) {
    float[] x = sobel[0], y = sobel[1], out = new float[x.length];
    for (int i = 0; i < out.length; i++) out[i] = (float) Math.hypot(x[i], y[i]) / 8;
    return out;
  }

  private float[] boxSum(float[] v, int size) {
    Mat out = new Mat();
    boxFilter(
        OpenCv.floats(width, height, v),
        out,
        -1,
        new Size(size, size),
        new org.bytedeco.opencv.opencv_core.Point(-1, -1),
        false,
        org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE);
    return OpenCv.floats(out);
  }

  private Mat interleaved(float[] threeChannels) {
    Mat m = new Mat(height, width, org.bytedeco.opencv.global.opencv_core.CV_32FC3);
    ((FloatBuffer) m.createBuffer()).put(threeChannels);
    return m;
  }

  static boolean[] borderBand(int w, int h) {
    int b = Math.max(4, (int) Math.round(BORDER * Math.min(w, h)));
    boolean[] band = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) band[y * w + x] = x < b || y < b || x >= w - b || y >= h - b;
    }
    return band;
  }

  /** The q-quantile of the values where {@code where} holds; NaN if it holds nowhere. */
  static double quantile(float[] values, boolean[] where, double q) {
    int n = 0;
    for (boolean b : where) if (b) n++;
    if (n == 0) return Double.NaN;
    float[] v = new float[n];
    for (int i = 0, k = 0; i < values.length; i++) if (where[i]) v[k++] = values[i];
    Arrays.sort(v);
    return v[Math.min(n - 1, (int) Math.floor(q * n))];
  }
}
