package dev.facet.imaging;

import java.util.Arrays;

/**
 * Where a {@link ProductView} shows stones. Metal reflects its own colour, more or less saturated
 * (a reflection of pale paper, a highlight, a dark crevice), so its pixels lie along the line from
 * grey to the metal's colour in the a*b* plane. A coloured stone lies off that line (a sapphire in
 * platinum, an emerald in silver) or far beyond the metal's chroma (a ruby in rose gold). A
 * colourless stone is a compact part cut into {@link Facets}: in a coloured metal (a diamond in
 * gold) near grey as well, which a smooth pale highlight is too; in white metal it has no colour to
 * tell it by and its facets alone do.
 *
 * <p>Besides the stones, the map marks where the view is confidently metal. A stone of the other
 * view counts as added or lost only there: what is neither (the dark body of a ruby in rose gold, a
 * diamond tinted by the gold around it) is left undecided rather than guessed.
 */
final class StoneMap {

  private static final int SIDE = ProductView.SIDE;

  /** L* under which a pixel's colour cannot be read. */
  private static final double DARK = 12;

  /** Chroma a coloured stone has at least. */
  private static final double CHROMATIC = 12;

  /**
   * Metal this chromatic lets a colourless stone show: gold and rose gold read 16-45 under any
   * light, white metals under 5.
   */
  private static final double COLOURED_METAL = 10;

  /** A coloured stone's hue is this far (degrees) from a coloured metal's... */
  private static final double OFF_HUE = 35;

  /** ...or its chroma this many times the metal's. */
  private static final double BEYOND_METAL = 1.8;

  /**
   * A colourless stone keeps under this share of a coloured metal's chroma (reflections of gold
   * tint it).
   */
  private static final double COLOURLESS = 0.35;

  /** Confidently coloured metal: within this many degrees of its hue... */
  private static final double METAL_HUE = 20;

  /** ...and between these shares of its chroma. */
  private static final double METAL_LEAST = 0.5, METAL_MOST = 1.6;

  /** Confidently white metal: within this chroma of the metal's own. */
  private static final double WHITE_METAL = 8;

  /**
   * a*b* distance from the metal's colour that the metal's own pixels keep, plus a share of its
   * chroma.
   */
  private static final double METAL_SPREAD = 10, METAL_SPREAD_PER_CHROMA = 0.2;

  /**
   * Within this L* and a*b* distance of the view's backdrop a pixel is backdrop seen through (a
   * chain's links).
   */
  private static final double BACKDROP = 6;

  /**
   * Enclosed gaps (dark facets, highlights) up to this many pixels belong to the stone around them.
   */
  private static final int LARGEST_GAP = 400;

  /** Stone pixels, each part of them (4-connected) a stone or a row of touching stones. */
  final boolean[] stone;

  /**
   * The stone pixels that have a stone's colour themselves (not only closed or enclosed into a
   * stone).
   */
  final boolean[] coloured;

  /** Pixels that are confidently metal. */
  final boolean[] metal;

  /** The parts of {@link #stone}. */
  final Blobs parts;

  /** Per part (by label), the radius of the largest disc it holds: the size of its stones. */
  final double[] radius;

  private StoneMap(boolean[] stone, boolean[] coloured, boolean[] metal) {
    this.stone = stone;
    this.coloured = coloured;
    this.metal = metal;
    this.parts = Blobs.of(stone, SIDE);
    this.radius = inscribedRadii(stone, parts);
  }

  /** The stones of a reference view, judged by its own metal's colour. */
  static StoneMap of(ProductView view) {
    LabPixels lab = LabPixels.of(view);
    return of(view, lab, colouredMetal(view, lab));
  }

  /**
   * Whether the view's metal is coloured (gold, rose gold) rather than white: a property of the
   * piece, so a candidate is judged as its reference is (a finished image may light rose gold
   * paler).
   */
  static boolean colouredMetal(ProductView view, LabPixels lab) {
    double[] m = metalColour(lab, OpenCv.morph(SIDE, SIDE, view.product(), -2));
    return Math.hypot(m[0], m[1]) >= COLOURED_METAL;
  }

  static StoneMap of(ProductView view, LabPixels lab, boolean coloured) {
    int n = SIDE * SIDE;
    boolean[] inside = OpenCv.morph(SIDE, SIDE, view.product(), -2);
    double[] metalColour = metalColour(lab, inside);
    double ma = metalColour[0], mb = metalColour[1], metalChroma = Math.hypot(ma, mb);
    double ua = coloured ? ma / Math.max(1e-6, metalChroma) : 0,
        ub = coloured ? mb / Math.max(1e-6, metalChroma) : 0;
    boolean[] backdrop = backdrop(view, lab);
    Facets facets = Facets.of(view, lab);
    boolean[] chromatic = new boolean[n], colourless = new boolean[n], metal = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (!inside[i] || lab.l()[i] < DARK || backdrop[i]) continue;
      double chroma = lab.chroma(i);
      if (coloured) {
        // The pixel's colour along the metal's colour line and across it.
        double along = lab.a()[i] * ua + lab.b()[i] * ub,
            across = Math.abs(lab.b()[i] * ua - lab.a()[i] * ub);
        double offHue = Math.toDegrees(Math.atan2(across, along));
        chromatic[i] =
            chroma >= CHROMATIC && (offHue > OFF_HUE || chroma > BEYOND_METAL * metalChroma);
        colourless[i] =
            !chromatic[i]
                && along < COLOURLESS * metalChroma
                && across < CHROMATIC
                && facets.possiblyFaceted(i);
        metal[i] =
            offHue <= METAL_HUE
                && along >= METAL_LEAST * metalChroma
                && chroma <= METAL_MOST * metalChroma;
      } else {
        chromatic[i] = chroma >= CHROMATIC + metalChroma;
        colourless[i] = !chromatic[i] && facets.faceted(i);
        metal[i] = chroma < WHITE_METAL + metalChroma && !facets.possiblyFaceted(i);
      }
    }
    boolean[] stone = closed(chromatic);
    boolean[] pale = compact(closed(colourless));
    boolean[] own = new boolean[n];
    for (int i = 0; i < n; i++) {
      stone[i] = (stone[i] || pale[i]) && inside[i];
      own[i] = stone[i] && (chromatic[i] || colourless[i]);
    }
    return new StoneMap(withGaps(stone, view.product(), metal), own, metal);
  }

  /** Pixels of the backdrop's colour (the median outside the piece), wherever they are. */
  private static boolean[] backdrop(ProductView view, LabPixels lab) {
    boolean[] outside = new boolean[view.product().length];
    for (int i = 0; i < outside.length; i++) outside[i] = !view.product()[i];
    double bl = median(lab.l(), outside),
        ba = median(lab.a(), outside),
        bb = median(lab.b(), outside);
    boolean[] out = new boolean[outside.length];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          Math.abs(lab.l()[i] - bl) < BACKDROP
              && Math.hypot(lab.a()[i] - ba, lab.b()[i] - bb) < BACKDROP;
    }
    return out;
  }

  /**
   * The a*b* of the piece's dominant colour, refined three times (the metal is most of the piece).
   */
  private static double[] metalColour(LabPixels lab, boolean[] inside) {
    boolean[] metal = inside.clone();
    double ma = 0, mb = 0;
    for (int round = 0; round < 3; round++) {
      ma = median(lab.a(), metal);
      mb = median(lab.b(), metal);
      double spread = METAL_SPREAD + METAL_SPREAD_PER_CHROMA * Math.hypot(ma, mb);
      for (int i = 0; i < metal.length; i++) {
        metal[i] = inside[i] && Math.hypot(lab.a()[i] - ma, lab.b()[i] - mb) <= spread;
      }
    }
    return new double[] {ma, mb};
  }

  /** A stone's colour breaks up at its facets: closed into one part, specks opened away. */
  private static boolean[] closed(boolean[] bits) {
    boolean[] c = OpenCv.morph(SIDE, SIDE, OpenCv.morph(SIDE, SIDE, bits, 2), -2);
    return OpenCv.morph(SIDE, SIDE, OpenCv.morph(SIDE, SIDE, c, -1), 1);
  }

  /**
   * The roughly round parts: a colourless stone fills most of its box, a pale reflection along a
   * band or a highlight streak does not.
   */
  private static boolean[] compact(boolean[] bits) {
    Blobs parts = Blobs.of(bits, SIDE);
    boolean[] keep = new boolean[parts.parts().size() + 1];
    for (Blobs.Blob b : parts.parts()) {
      double box = (double) b.width() * b.height();
      double elongation =
          (double) Math.max(b.width(), b.height()) / Math.max(1, Math.min(b.width(), b.height()));
      keep[b.label()] = b.size() >= 0.4 * box && elongation <= 3;
    }
    boolean[] out = new boolean[bits.length];
    for (int i = 0; i < out.length; i++) out[i] = keep[parts.labels()[i]];
    return out;
  }

  /**
   * The stones with the small gaps they enclose (a dark facet, a highlight), where these are not
   * metal.
   */
  private static boolean[] withGaps(boolean[] stone, boolean[] product, boolean[] metal) {
    boolean[] rest = new boolean[stone.length];
    for (int i = 0; i < rest.length; i++) rest[i] = !stone[i];
    Blobs gaps = Blobs.of(rest, SIDE);
    boolean[] enclosed = new boolean[gaps.parts().size() + 1];
    for (Blobs.Blob g : gaps.parts()) {
      boolean open =
          g.x() == 0 || g.y() == 0 || g.x() + g.width() == SIDE || g.y() + g.height() == SIDE;
      enclosed[g.label()] = !open && g.size() <= LARGEST_GAP;
    }
    boolean[] out = stone.clone();
    for (int i = 0; i < out.length; i++)
      out[i] |= enclosed[gaps.labels()[i]] && product[i] && !metal[i];
    return out;
  }

  /** Per part (by label), the radius of the largest disc it holds. */
  static double[] inscribedRadii(boolean[] stone, Blobs parts) {
    float[] d2 = Morphology.squaredDistanceTo(new Mask(SIDE, SIDE, stone), false);
    double[] radius = new double[parts.parts().size() + 1];
    for (int i = 0; i < d2.length; i++) {
      int label = parts.labels()[i];
      if (label != 0) radius[label] = Math.max(radius[label], Math.sqrt(d2[i]));
    }
    return radius;
  }

  private static double median(float[] values, boolean[] where) {
    int n = 0;
    for (boolean w : where) if (w) n++;
    if (n == 0) return 0;
    float[] v = new float[n];
    for (int i = 0, k = 0; i < values.length; i++) if (where[i]) v[k++] = values[i];
    Arrays.sort(v);
    return v[n / 2];
  }
}
