package dev.facet.imaging;

/**
 * Finds the product in a photo of it on a plain backdrop (white, grey or beige paper, with
 * vignetting and soft shadows). No model weights: it reasons about what a backdrop and a shadow can
 * look like and calls everything else product.
 *
 * <ol>
 *   <li>Fit the backdrop everywhere ({@link BackdropModel}).
 *   <li>Evidence of product, per pixel: <em>colour</em> the backdrop cannot have even in shadow (a
 *       shadow only darkens and desaturates, so in the a*b* plane it stays on the segment from
 *       neutral to the backdrop's own colour; distance from that segment is colour evidence),
 *       <em>brighter</em> than the backdrop (highlights), and <em>crisp edges</em> (a penumbra is
 *       soft, so an edge whose fine-scale gradient is not much stronger than its coarse-scale one
 *       is a shadow's, not an object's).
 *   <li>Close the evidence into regions: flood from the frame through everything that is not
 *       evidence (after bridging gaps); what the flood cannot reach is product, unless the region
 *       looks like backdrop (a ring's hole, the gap in a chain link).
 *   <li>Clean up: carve flat backdrop-coloured pixels back out, drop specks.
 * </ol>
 *
 * The constants were tuned on the 18 fixture captures (rendered rings, pendant, studs, bangle on
 * beige, cool-grey and neutral-grey paper) against their ground-truth masks; ProductSegmenterTest
 * reports the IoU per capture.
 */
public final class ProductSegmenter {

  /** Longest side a reference photo is analysed at; larger photos are analysed downscaled. */
  public static final int PHOTO_SIDE = 2048;

  private final int workingSide;

  /** @param workingSide longest side the analysis runs at; larger images are analysed downscaled */
  public ProductSegmenter(int workingSide) {
    this.workingSide = workingSide;
  }

  public ProductSegmenter() {
    this(PHOTO_SIDE);
  }

  /** Fine and coarse Gaussian scales of the edge detector, in pixels. */
  private static final double FINE_SIGMA = 1.0, COARSE_SIGMA = 3.0;
  /** Hysteresis thresholds, in multiples of the 99th-percentile gradient of the frame border. */
  private static final double EDGE_HIGH = 4.0, EDGE_LOW = 2.0;
  /** Minimum scale-normalised fine/coarse gradient ratio of a crisp edge (a step edge reads ~1). */
  private static final double CRISP_HIGH = 0.6, CRISP_LOW = 0.45;
  /** Colour evidence: ΔE (a*b*) from the shadow segment, at least this or 1.5x the border's noise. */
  private static final double COLOUR_MIN = 3.0, COLOUR_NOISE_FACTOR = 1.5;
  /** Brighter than the backdrop by this much (log luminance, ~13 %) is a highlight. */
  private static final double BRIGHTER = 0.12;
  /** Within this log luminance of the backdrop, and near its colour, a pixel looks like backdrop. */
  private static final double BACKDROP_LUMINANCE = 0.10, BACKDROP_COLOUR_FACTOR = 2.0;
  /** An enclosed region is backdrop (a ring's hole) when more than this share looks like backdrop. */
  private static final double HOLE_BACKDROP_SHARE = 0.5;
  /** Gap bridging radius of the edge map, and width of the boundary band that gets refined. */
  private static final double BRIDGE_RADIUS = 6, BOUNDARY_BAND = 8;
  /** Mean normalised gradient over 5x5 under which backdrop-coloured pixels are carved out. */
  private static final double FLAT_TEXTURE = 1.5;
  /** A detached part with less than this share of colour or highlight pixels is cast shadow. */
  private static final double SHADOW_EVIDENCE_SHARE = 0.005;
  /** Components smaller than this share of the largest are specks. */
  private static final double SPECK_SHARE = 0.01;

  /** The product mask and the backdrop model it was found against. */
  public record Segmentation(Mask mask, BackdropModel backdrop) {}

  public Segmentation segment(RgbImage photo) {
    double scale = Math.min(1.0, (double) workingSide / photo.longSide());
    RgbImage work =
        scale < 1
            ? Resampler.average(
                photo,
                Math.max(1, (int) Math.round(photo.width() * scale)),
                Math.max(1, (int) Math.round(photo.height() * scale)))
            : photo;
    BackdropModel backdrop = BackdropModel.fit(work);
    Mask mask = segment(work, backdrop).resized(photo.width(), photo.height());
    return new Segmentation(mask, backdrop.at(photo.width(), photo.height()));
  }

  private Mask segment(RgbImage image, BackdropModel backdrop) {
    Cues cues = Cues.find(image, backdrop);
    Mask enclosed = enclosedByEvidence(cues);
    Mask carved = carveBackdrop(enclosed, cues);
    return keepProductParts(Morphology.open(carved, 1), cues);
  }

  /** What each pixel says about being product, and the frame border's noise levels. */
  private record Cues(
      int width,
      int height,
      boolean[] evidence,
      boolean[] colour,
      boolean[] bright,
      boolean[] backdropLike,
      Plane gradient,
      double gradientNoise) {

    static Cues find(RgbImage image, BackdropModel backdrop) {
      int w = image.width(), h = image.height(), n = w * h;
      Evidence e = Evidence.measure(image, backdrop);
      Plane lightness = new Plane(w, h, e.lightness);
      Plane fine = lightness.gaussian(FINE_SIGMA).sobelMagnitude();
      Plane coarse = lightness.gaussian(COARSE_SIGMA).sobelMagnitude();

      boolean[] border = borderBand(w, h);
      double gradientNoise = Math.max(1e-3, fine.quantile(border, 0.99));
      double colourNoise = new Plane(w, h, e.colourDistance).quantile(border, 0.99);
      double colourThreshold = Math.max(COLOUR_MIN, COLOUR_NOISE_FACTOR * colourNoise);

      boolean[] strong = new boolean[n], weak = new boolean[n];
      boolean[] colour = new boolean[n], bright = new boolean[n], backdropLike = new boolean[n];
      for (int i = 0; i < n; i++) {
        double g = fine.v[i];
        double crisp = (g * FINE_SIGMA) / (coarse.v[i] * COARSE_SIGMA + 1e-3);
        strong[i] = g > EDGE_HIGH * gradientNoise && crisp > CRISP_HIGH;
        weak[i] = g > EDGE_LOW * gradientNoise && crisp > CRISP_LOW;
        colour[i] = e.colourDistance[i] > colourThreshold;
        bright[i] = e.logRatio[i] > BRIGHTER;
        backdropLike[i] =
            Math.abs(e.logRatio[i]) < BACKDROP_LUMINANCE
                && e.colourDistance[i] < BACKDROP_COLOUR_FACTOR * colourThreshold;
      }
      boolean[] evidence = hysteresis(w, h, strong, weak);
      for (int i = 0; i < n; i++) evidence[i] |= colour[i] || bright[i];
      return new Cues(w, h, evidence, colour, bright, backdropLike, fine, gradientNoise);
    }
  }

  /**
   * The evidence plus every region a flood from the frame cannot reach through the evidence (gaps
   * bridged by {@link #BRIDGE_RADIUS}), unless the region looks like backdrop: a ring's hole.
   */
  private static Mask enclosedByEvidence(Cues cues) {
    int w = cues.width(), h = cues.height(), n = w * h;
    Mask bridged = Morphology.dilate(new Mask(w, h, cues.evidence()), BRIDGE_RADIUS);
    boolean[] open = new boolean[n];
    for (int i = 0; i < n; i++) open[i] = !bridged.bits()[i];
    Morphology.Components regions = Morphology.components(new Mask(w, h, open));
    boolean[] outside = regions.touchingFrame(w, h);
    double[] backdropShare = regions.share(cues.backdropLike());
    int[] labels = regions.labels();
    boolean[] product = new boolean[n];
    for (int i = 0; i < n; i++) {
      int l = labels[i];
      product[i] = l == 0 || (!outside[l] && backdropShare[l] <= HOLE_BACKDROP_SHARE);
    }
    Mask enclosed = Morphology.erode(new Mask(w, h, product), BRIDGE_RADIUS);
    for (int i = 0; i < n; i++) enclosed.bits()[i] |= cues.evidence()[i];
    return enclosed;
  }

  /**
   * Carves backdrop-looking pixels back out: flat ones anywhere, and in the boundary band those
   * without evidence or with only a weak edge (the halo the bridging left).
   */
  private static Mask carveBackdrop(Mask enclosed, Cues cues) {
    Plane texture = cues.gradient().boxMean(2);
    Mask inner = Morphology.erode(enclosed, BOUNDARY_BAND);
    boolean[] m = enclosed.bits().clone();
    double noise = cues.gradientNoise();
    for (int i = 0; i < m.length; i++) {
      if (!m[i] || !cues.backdropLike()[i]) continue;
      boolean evidence = cues.evidence()[i];
      boolean flat = texture.v[i] / noise < FLAT_TEXTURE;
      boolean inBand = !inner.bits()[i];
      boolean weakEdgeOnly = evidence && !cues.bright()[i] && cues.gradient().v[i] < EDGE_HIGH * noise;
      if (flat || (inBand && !evidence) || weakEdgeOnly) {
        m[i] = false;
      }
    }
    return new Mask(enclosed.width(), enclosed.height(), m);
  }

  /**
   * Keeps the parts of the mask that are product. A separate part without a single highlight or
   * product colour is a patch of cast shadow (polished metal always shows one or the other), and a
   * part under {@link #SPECK_SHARE} of the largest is a speck.
   */
  private static Mask keepProductParts(Mask mask, Cues cues) {
    Morphology.Components parts = Morphology.components(mask);
    int[] labels = parts.labels(), sizes = parts.sizes();
    int[] evidence = new int[parts.count() + 1];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && (cues.colour()[i] || cues.bright()[i])) evidence[labels[i]]++;
    }
    boolean[] metal = new boolean[parts.count() + 1];
    int largest = 0;
    for (int l = 1; l <= parts.count(); l++) {
      metal[l] = evidence[l] >= SHADOW_EVIDENCE_SHARE * sizes[l];
      if (metal[l]) largest = Math.max(largest, sizes[l]);
    }
    boolean[] out = new boolean[labels.length];
    for (int i = 0; i < out.length; i++) {
      int l = labels[i];
      out[i] = l != 0 && metal[l] && sizes[l] >= SPECK_SHARE * largest;
    }
    return new Mask(mask.width(), mask.height(), out);
  }

  /** Weak edge pixels connected to a strong one. */
  private static boolean[] hysteresis(int w, int h, boolean[] strong, boolean[] weak) {
    Morphology.Components c = Morphology.components(new Mask(w, h, weak));
    boolean[] anchored = new boolean[c.count() + 1];
    int[] labels = c.labels();
    for (int i = 0; i < strong.length; i++) if (strong[i]) anchored[labels[i]] = true;
    boolean[] out = new boolean[strong.length];
    for (int i = 0; i < out.length; i++) out[i] = labels[i] != 0 && anchored[labels[i]];
    return out;
  }

  /** The band along the frame edge where only backdrop is expected: 2 % of the short side. */
  static boolean[] borderBand(int w, int h) {
    int b = Math.max(4, Math.min(w, h) / 50);
    boolean[] band = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        band[y * w + x] = x < b || y < b || x >= w - b || y >= h - b;
      }
    }
    return band;
  }

  /** Per-pixel comparison with the backdrop. */
  private record Evidence(float[] lightness, float[] logRatio, float[] colourDistance) {

    static Evidence measure(RgbImage image, BackdropModel backdrop) {
      int w = image.width(), h = image.height();
      float[] lightness = new float[w * h], logRatio = new float[w * h], colour = new float[w * h];
      float[] br = new float[w], bg = new float[w], bb = new float[w];
      float[] backA = new float[w], backB = new float[w];
      double[] lab = new double[3];
      int[] px = image.pixels();
      for (int y = 0; y < h; y++) {
        backdrop.logRow(y, br, bg, bb);
        backdropChroma(br, bg, bb, backA, backB);
        for (int x = 0; x < w; x++) {
          int i = y * w + x, p = px[i];
          int r = RgbImage.red(p), g = RgbImage.green(p), b = RgbImage.blue(p);
          logRatio[i] =
              (BackdropModel.LOG_LINEAR[r] - br[x] + BackdropModel.LOG_LINEAR[g] - bg[x]
                      + BackdropModel.LOG_LINEAR[b] - bb[x])
                  / 3;
          ColourScience.linearToLabFast(
              ColourScience.linear(r), ColourScience.linear(g), ColourScience.linear(b), lab);
          lightness[i] = (float) lab[0];
          colour[i] = (float) distanceToShadowSegment(lab[1], lab[2], backA[x], backB[x]);
        }
      }
      return new Evidence(lightness, logRatio, colour);
    }

    /**
     * The backdrop's a*, b* along a row. It is a smooth polynomial, so it is evaluated every
     * {@code STEP} pixels and interpolated in between.
     */
    private static void backdropChroma(float[] br, float[] bg, float[] bb, float[] a, float[] b) {
      final int step = 8;
      int w = br.length;
      double[] lab = new double[3];
      double prevA = 0, prevB = 0;
      int prevX = -1;
      for (int x = 0; ; x = Math.min(w - 1, x + step)) {
        ColourScience.linearToLabFast(
            Math.exp(br[x]) - 1e-4, Math.exp(bg[x]) - 1e-4, Math.exp(bb[x]) - 1e-4, lab);
        if (prevX < 0) {
          a[x] = (float) lab[1];
          b[x] = (float) lab[2];
        } else {
          for (int k = prevX + 1; k <= x; k++) {
            double t = (double) (k - prevX) / (x - prevX);
            a[k] = (float) (prevA + t * (lab[1] - prevA));
            b[k] = (float) (prevB + t * (lab[2] - prevB));
          }
        }
        prevA = lab[1];
        prevB = lab[2];
        prevX = x;
        if (x == w - 1) {
          break;
        }
      }
    }

    /** Distance in the a*b* plane from (a, b) to the segment from neutral to (ba, bb). */
    static double distanceToShadowSegment(double a, double b, double ba, double bb) {
      double n2 = ba * ba + bb * bb + 1e-6;
      double t = Math.max(0, Math.min(1, (a * ba + b * bb) / n2));
      return Math.hypot(a - t * ba, b - t * bb);
    }
  }
}
