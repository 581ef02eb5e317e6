package dev.facet.imaging;

import dev.facet.model.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Whether a finished image has the stones its reference has, with the candidate laid over the
 * reference ({@link ProductView#alignedTo}) and both read as {@link StoneMap}s:
 *
 * <ul>
 *   <li>lost: the reference's stone where the candidate shows plain metal (a stone painted over);
 *   <li>added: stone-coloured pixels of the candidate where the reference shows plain metal;
 *   <li>recoloured: a strong colour of a hue no reference shows ({@link ReferenceHues}).
 * </ul>
 *
 * Where either view is undecided (neither stone nor plain metal) nothing is counted. Each region is
 * measured in stones: discs as wide as the region, no wider than the stone it lies on, so half a
 * small stone counts like half a solitaire.
 */
final class Stones {

  private static final int SIDE = ProductView.SIDE;

  /**
   * A stone within this many pixels of the view (about 1 % of the piece) in the other view is
   * there.
   */
  private static final int TOLERANCE = 3;

  /**
   * The smallest stone the view resolves: radius in pixels of the view (6 px across, 1.6 % of the
   * piece). Smaller stones, and changes smaller than such a stone, are not counted.
   */
  private static final double SMALLEST_RADIUS = 3;

  /** Regions reported as evidence are at least this many stones. */
  private static final double REPORTED = 0.25;

  private Stones() {}

  /**
   * @param stones the largest region lost, added or recoloured, in stones
   * @param finding what that region is, in words
   * @param regions where the regions of at least a quarter stone are, in the candidate photo,
   *     largest first
   */
  record Difference(double stones, String finding, List<Box> regions) {}

  private record Region(double stones, String kind, Blobs.Blob blob) {}

  static Difference compare(ProductView reference, ProductView candidate, ReferenceHues hues) {
    LabPixels referenceLab = LabPixels.of(reference), candidateLab = LabPixels.of(candidate);
    // Gold or white metal is a property of the piece: the candidate is read as its reference is.
    boolean colouredMetal = StoneMap.colouredMetal(reference, referenceLab);
    StoneMap ref = StoneMap.of(reference, referenceLab, colouredMetal);
    StoneMap cand = StoneMap.of(candidate, candidateLab, colouredMetal);
    List<Region> regions = new ArrayList<>();
    measure(lost(ref, cand), ref, "a stone lost", regions);
    measure(added(ref, cand), cand, "a stone added", regions);
    recoloured(hues.foreign(candidate, candidateLab), regions);
    regions.sort(Comparator.comparingDouble(Region::stones).reversed());
    if (regions.isEmpty())
      return new Difference(0, "no stone lost, added or recoloured", List.of());
    Region largest = regions.get(0);
    List<Box> evidence =
        regions.stream()
            .filter(r -> r.stones() >= REPORTED)
            .limit(8)
            .map(
                r ->
                    candidate.inPhoto(
                        r.blob().x(), r.blob().y(), r.blob().width(), r.blob().height()))
            .toList();
    return new Difference(
        largest.stones(),
        String.format(Locale.ROOT, "%s, %.2f stones' worth", largest.kind(), largest.stones()),
        evidence);
  }

  /** The reference's stones (gaps and facets included) that are plain metal in the candidate. */
  private static boolean[] lost(StoneMap ref, StoneMap cand) {
    boolean[] near = OpenCv.morph(SIDE, SIDE, cand.stone, TOLERANCE);
    boolean[] out = new boolean[near.length];
    for (int i = 0; i < out.length; i++) out[i] = ref.stone[i] && !near[i] && cand.metal[i];
    return opened(out);
  }

  /**
   * The candidate's stone-coloured pixels where the reference is plain metal: a new stone must show
   * its colour, not only close a gap next to one (the dark edge of a ruby reads like dark rose
   * gold).
   */
  private static boolean[] added(StoneMap ref, StoneMap cand) {
    boolean[] near = OpenCv.morph(SIDE, SIDE, ref.stone, TOLERANCE);
    boolean[] out = new boolean[near.length];
    for (int i = 0; i < out.length; i++) out[i] = cand.coloured[i] && !near[i] && ref.metal[i];
    return opened(out);
  }

  /**
   * Each region of {@code changed} in stones of its own width (the largest disc it holds), a stone
   * never taken larger than the stone of {@code map} it lies on most: a small stone added next to a
   * large one is a whole stone, not a sliver of the large one.
   */
  private static void measure(boolean[] changed, StoneMap map, String kind, List<Region> regions) {
    Blobs parts = Blobs.of(changed, SIDE);
    double[] own = StoneMap.inscribedRadii(changed, parts);
    int[] votes = new int[map.parts.parts().size() + 1];
    for (Blobs.Blob b : parts.parts()) {
      Arrays.fill(votes, 0);
      for (int y = b.y(); y < b.y() + b.height(); y++) {
        for (int x = b.x(); x < b.x() + b.width(); x++) {
          int i = y * SIDE + x;
          if (parts.labels()[i] == b.label() && map.parts.labels()[i] != 0)
            votes[map.parts.labels()[i]]++;
        }
      }
      int stone = 0;
      for (int l = 1; l < votes.length; l++) if (votes[l] > votes[stone]) stone = l;
      if (stone != 0)
        add(
            regions,
            b,
            Math.min(map.radius[stone], Math.max(own[b.label()], SMALLEST_RADIUS)),
            kind);
    }
  }

  /**
   * Each strongly coloured region of a foreign hue against its own size: it is the recoloured
   * stone.
   */
  private static void recoloured(boolean[] foreign, List<Region> regions) {
    boolean[] parts = opened(foreign);
    Blobs blobs = Blobs.of(parts, SIDE);
    double[] radius = StoneMap.inscribedRadii(parts, blobs);
    for (Blobs.Blob b : blobs.parts())
      add(regions, b, radius[b.label()], "a stone of a colour no reference shows");
  }

  /**
   * A change counts when it is at least the smallest stone's size, on a stone at least that size.
   */
  private static void add(List<Region> regions, Blobs.Blob blob, double radius, String kind) {
    if (radius < SMALLEST_RADIUS || blob.size() < Math.PI * SMALLEST_RADIUS * SMALLEST_RADIUS)
      return;
    regions.add(new Region(blob.size() / (Math.PI * radius * radius), kind, blob));
  }

  private static boolean[] opened(boolean[] bits) {
    return OpenCv.morph(SIDE, SIDE, OpenCv.morph(SIDE, SIDE, bits, -1), 1);
  }
}
