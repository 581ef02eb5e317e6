package dev.facet.imaging;

import dev.facet.model.Box;
import java.util.Arrays;
import java.util.List;

/**
 * Where a piece's stones are, and whether a finished image has the stones its reference has. A
 * stone is a part of the piece whose colour is unlike the metal's: a sapphire in platinum, an
 * emerald in silver, a diamond in gold (dark, neutral reflections in gold are metal, not stone).
 * Diamonds in white metal have no colour of their own and are not seen here; removing one leaves a
 * hole or changes the outline, which the completeness and silhouette checks see. With the
 * candidate laid over the reference
 * ({@link ProductView#alignedTo}), a region that is stone in one and not in the other is a stone
 * removed or added; its size is reported in stones (over the reference's typical stone), so a
 * missing pavé stone counts like a missing solitaire.
 */
final class Stones {

  private static final int SIDE = ProductView.SIDE;
  /** a*b* distance from the metal's colour beyond which a pixel is stone-like, plus a share of its chroma. */
  private static final double COLOUR_DISTANCE = 10, COLOUR_PER_CHROMA = 0.2;
  /** Within this L* and a*b* distance of the view's background a pixel is background seen through. */
  private static final double BACKGROUND_DISTANCE = 6;
  /** A stone unlike the metal is either this chromatic, or colourless and at least as light as the metal. */
  private static final double CHROMATIC = 12;
  /** Metal this chromatic (gold, rose gold) lets a colourless stone show. */
  private static final double COLOURED_METAL = 15;
  /** L* spread over a colourless part from which it is faceted (a stone), not a smooth reflection. */
  private static final double FACETS = 10;
  /** L* from which a colourless pixel is a specular highlight rather than a stone. */
  private static final double HIGHLIGHT = 90;
  /** Stones are matched within this many pixels of the view (about 1 % of the piece). */
  private static final int TOLERANCE = 4;
  /** With no stone in the reference, an added stone is measured against this share of the piece. */
  private static final double DEFAULT_STONE = 0.005;

  private Stones() {}

  /**
   * @param stones the largest region that is stone in one view and not the other, in typical stones
   * @param regions where such regions are, in the candidate photo
   */
  record Difference(double stones, List<Box> regions) {}

  static Difference compare(ProductView reference, ProductView candidate) {
    boolean[] ref = map(reference), cand = map(candidate);
    double typical = typicalStone(ref, reference.count());
    int least = (int) Math.ceil(typical / 4);
    Blobs refStones = Blobs.of(ref, SIDE), candStones = Blobs.of(cand, SIDE);
    // A stone is there when enough of it is stone in the other view too (a ruby in rose gold reads
    // as stone only in part, under some light).
    double[] found = refStones.share(OpenCv.morph(SIDE, SIDE, cand, TOLERANCE));
    double[] expected = candStones.share(OpenCv.morph(SIDE, SIDE, ref, TOLERANCE));
    boolean[] differ = new boolean[ref.length];
    for (int i = 0; i < differ.length; i++) {
      int r = refStones.labels()[i], c = candStones.labels()[i];
      differ[i] = (r != 0 && found[r] < PRESENT) || (c != 0 && expected[c] < PRESENT);
    }
    Blobs parts = Blobs.of(differ, SIDE);
    List<Blobs.Blob> real = parts.parts().stream().filter(b -> b.size() >= least).toList();
    double largest = real.isEmpty() ? 0 : real.get(0).size();
    return new Difference(largest / typical, parts.inPhoto(candidate, least, 8));
  }

  /** Share of a stone that must be stone in the other view for it to count as there. */
  private static final double PRESENT = 0.3;

  /** The median size of the reference's stones, or a default share of the piece when it has none. */
  private static double typicalStone(boolean[] stones, int productArea) {
    double floor = Math.max(16, DEFAULT_STONE * productArea);
    List<Blobs.Blob> parts = Blobs.of(stones, SIDE).parts().stream().filter(b -> b.size() >= floor / 4).toList();
    if (parts.isEmpty()) return floor;
    return Math.max(floor / 4, parts.get(parts.size() / 2).size());
  }

  /** The stone pixels of a view: inside the product and unlike the metal in colour. */
  static boolean[] map(ProductView view) {
    boolean[] inside = OpenCv.morph(SIDE, SIDE, view.product(), -2);
    int n = inside.length;
    float[] l = new float[n], a = new float[n], b = new float[n];
    double[] lab = new double[3];
    for (int i = 0; i < n; i++) {
      int p = view.rgb()[i];
      ColourScience.linearToLabFast(ColourScience.linear(RgbImage.red(p)), ColourScience.linear(RgbImage.green(p)),
          ColourScience.linear(RgbImage.blue(p)), lab);
      l[i] = (float) lab[0];
      a[i] = (float) lab[1];
      b[i] = (float) lab[2];
    }
    boolean[] metal = inside.clone();
    double ma = 0, mb = 0, tolerance = COLOUR_DISTANCE;
    for (int round = 0; round < 3; round++) {
      ma = median(a, metal);
      mb = median(b, metal);
      tolerance = COLOUR_DISTANCE + COLOUR_PER_CHROMA * Math.hypot(ma, mb);
      for (int i = 0; i < n; i++) metal[i] = inside[i] && Math.hypot(a[i] - ma, b[i] - mb) <= tolerance;
    }
    double metalLightness = median(l, metal);
    // A colourless stone shows only against a coloured metal (a diamond in gold); in white metal it
    // is metal-coloured. A white highlight on gold is not a stone either.
    boolean colouredMetal = Math.hypot(ma, mb) >= COLOURED_METAL;
    // What shows through a chain's links or a gallery is background, not a light stone.
    boolean[] outside = new boolean[n];
    for (int i = 0; i < n; i++) outside[i] = !view.product()[i];
    double bl = median(l, outside), ba = median(a, outside), bb = median(b, outside);
    boolean[] chromatic = new boolean[n], colourless = new boolean[n];
    for (int i = 0; i < n; i++) {
      boolean background = Math.abs(l[i] - bl) < BACKGROUND_DISTANCE && Math.hypot(a[i] - ba, b[i] - bb) < BACKGROUND_DISTANCE;
      boolean unlikeMetal = inside[i] && !background && Math.hypot(a[i] - ma, b[i] - mb) > tolerance;
      chromatic[i] = unlikeMetal && Math.hypot(a[i], b[i]) >= CHROMATIC;
      colourless[i] = unlikeMetal && !chromatic[i] && colouredMetal && l[i] >= metalLightness && l[i] < HIGHLIGHT;
    }
    boolean[] stone = closed(chromatic);
    // A reflection of pale paper in gold is smooth; a colourless stone is a compact part cut up by
    // facets, dark and light.
    Blobs pale = Blobs.of(closed(colourless), SIDE);
    double[] spread = lightnessSpread(pale, l);
    boolean[] keep = new boolean[pale.parts().size() + 1];
    for (Blobs.Blob blob : pale.parts()) keep[blob.label()] = compact(blob) && spread[blob.label()] >= FACETS;
    for (int i = 0; i < n; i++) stone[i] |= keep[pale.labels()[i]];
    for (int i = 0; i < n; i++) stone[i] &= inside[i];
    return stone;
  }

  /** Facets and a stone's colour break up at its culet and table: closed into one part, specks opened away. */
  private static boolean[] closed(boolean[] bits) {
    boolean[] c = OpenCv.morph(SIDE, SIDE, OpenCv.morph(SIDE, SIDE, bits, 2), -2);
    return OpenCv.morph(SIDE, SIDE, OpenCv.morph(SIDE, SIDE, c, -1), 1);
  }

  /** Per part, the standard deviation of L* over its pixels. */
  private static double[] lightnessSpread(Blobs parts, float[] l) {
    int k = parts.parts().size() + 1;
    double[] sum = new double[k], sum2 = new double[k];
    int[] count = new int[k];
    for (int i = 0; i < l.length; i++) {
      int label = parts.labels()[i];
      if (label == 0) continue;
      sum[label] += l[i];
      sum2[label] += l[i] * l[i];
      count[label]++;
    }
    double[] out = new double[k];
    for (int j = 1; j < k; j++) {
      double mean = sum[j] / Math.max(1, count[j]);
      out[j] = Math.sqrt(Math.max(0, sum2[j] / Math.max(1, count[j]) - mean * mean));
    }
    return out;
  }

  /** Roughly round: fills half its box or more, and no more than three times as long as wide. */
  private static boolean compact(Blobs.Blob blob) {
    double box = (double) blob.width() * blob.height();
    double elongation = (double) Math.max(blob.width(), blob.height()) / Math.max(1, Math.min(blob.width(), blob.height()));
    return blob.size() >= 0.5 * box && elongation <= 3;
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
