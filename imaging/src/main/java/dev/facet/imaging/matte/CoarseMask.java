package dev.facet.imaging.matte;

import dev.facet.imaging.OpenCv;
import java.util.Arrays;

/**
 * The product's pixels on the working copy, from its {@link Cues}:
 *
 * <ol>
 *   <li><b>Enclose.</b> Colour, highlights and crisp outlines are product evidence; gaps in the
 *       outline are bridged, and every region the frame cannot reach through the bridged evidence
 *       is product, unless it looks like backdrop (a ring's hole). A highlight that mirrors the
 *       paper sits inside the outline, so it is not punched out.
 *   <li><b>Drop cast shadow.</b> A region between outline edges that is shadow-like (darker, of the
 *       backdrop's own colour) and smooth is cast shadow; so is every shadow-like, smooth pixel the
 *       backdrop reaches without crossing an outline (a contact shadow fused to the piece).
 *   <li><b>Tidy.</b> Specks and one-pixel threads go.
 * </ol>
 */
final class CoarseMask {

  private CoarseMask() {}

  static boolean[] find(Cues cues, MattingSettings s) {
    Floor floor =
        floor(withoutShadowRegions(enclosed(cues, s, s.bridgeRadius()), cues, s), cues, s);
    boolean[] product = settled(floor, cues);
    // A contact shadow's umbra that the flood gave to the piece is floor: settled again with it.
    boolean[] umbra = ContactUmbra.under(product, cues, s);
    if (any(umbra)) {
      product = settled(floor.withUmbra(umbra, cues.width, cues.height, s.umbraWidth()), cues);
    }
    return tidy(product, cues, s);
  }

  private static boolean any(boolean[] bits) {
    for (boolean b : bits) if (b) return true;
    return false;
  }

  private static boolean[] enclosed(Cues cues, MattingSettings s, int bridge) {
    int w = cues.width, h = cues.height, n = w * h;
    boolean[] evidence = cues.evidence();
    Regions regions = Regions.openBetween(w, h, evidence, bridge);
    boolean[] backdropLike = new boolean[n];
    for (int i = 0; i < n; i++) backdropLike[i] = cues.backdropLike(i, s);
    double[] backdropShare = regions.share(backdropLike);
    double[][] texture = regions.medians(cues.texture, 1);
    boolean[] enclosedRegion = new boolean[n];
    int piece = 0;
    for (int i = 0; i < n; i++) {
      enclosedRegion[i] = regions.labels[i] != 0 && !regions.touchesFrame[regions.labels[i]];
      if (enclosedRegion[i] || regions.labels[i] == 0) piece++;
    }
    double[][] textureInside = regions.medians(cues.textureInside(enclosedRegion), 1);
    boolean[] product = new boolean[n];
    for (int i = 0; i < n; i++) {
      int r = regions.labels[i];
      // A hole shows paper: mostly backdrop-like, and smooth. A small window onto the paper may be
      // a stone's facet, which only the rims around it tell apart (texture, outlines included); an
      // opening of a good share of the piece is a hole if it is smooth inside, however close its
      // rims.
      boolean smooth =
          texture[r][0] < s.shadowTexture()
              || (regions.sizes[r] >= s.openingShare() * piece
                  && textureInside[r][0] < s.shadowTexture());
      boolean hole = backdropShare[r] > s.holeBackdropShare() && smooth;
      // A hole gives up what looks like backdrop; the rest (a band whose outline leaked into it,
      // the shadow seen through it) is judged with the other regions below.
      product[i] = r == 0 || (!regions.touchesFrame[r] && (!hole || !backdropLike[i]));
    }
    product = OpenCv.morph(w, h, product, -bridge);
    for (int i = 0; i < n; i++) product[i] |= evidence[i];
    return product;
  }

  /** Regions between outline edges that are shadow-like, of the backdrop's colour, and smooth. */
  private static boolean[] withoutShadowRegions(boolean[] product, Cues cues, MattingSettings s) {
    int n = product.length;
    boolean[] inside = new boolean[n], shadowLike = new boolean[n];
    for (int i = 0; i < n; i++) {
      inside[i] = product[i] && !cues.outline[i];
      shadowLike[i] = cues.shadowLike(i, s);
    }
    Regions regions = Regions.of(cues.width, cues.height, inside, false);
    double[] share = regions.share(shadowLike);
    double[][] colour = regions.medians(cues.chroma, 3);
    double[][] texture = regions.medians(cues.texture, 1);
    boolean[] shadow = new boolean[regions.count + 1];
    for (int r = 1; r <= regions.count; r++) {
      double offset =
          Math.sqrt(
              colour[r][0] * colour[r][0]
                  + colour[r][1] * colour[r][1]
                  + colour[r][2] * colour[r][2]);
      shadow[r] =
          share[r] > s.shadowShare()
              && offset < s.shadowChroma()
              && texture[r][0] < s.shadowRegionTexture();
    }
    boolean[] drop = regions.select(shadow);
    boolean[] out = product.clone();
    for (int i = 0; i < n; i++) out[i] &= !drop[i];
    return out;
  }

  /**
   * What the floor around the regions is, for the watershed that settles them: the regions' own
   * pixels ({@code product}), darker floor, smooth floor the backdrop reaches, and of those the
   * seeds ({@code shadow}) and what is left to the flood ({@code unsettled}).
   */
  private record Floor(
      boolean[] product, boolean[] dark, boolean[] smooth, boolean[] shadow, boolean[] unsettled) {

    /**
     * This floor with a contact shadow's umbra as shadow, and the darker floor near it unsettled.
     */
    Floor withUmbra(boolean[] umbra, int w, int h, int reach) {
      boolean[] near = OpenCv.morph(w, h, umbra, reach);
      boolean[] seeds = shadow.clone(), left = unsettled.clone();
      for (int i = 0; i < seeds.length; i++) {
        seeds[i] |= umbra[i];
        left[i] |= near[i] && dark[i];
      }
      return new Floor(product, dark, smooth, seeds, left);
    }
  }

  /**
   * Where the outline has gaps, regions of product and of shadow run into each other; a watershed
   * settles them. Background seeds: everything outside, smooth shadow the backdrop reaches without
   * crossing an outline, and directly, and (see {@link Floor#withUmbra}) a contact shadow's umbra.
   * Left to the flood: smooth floor it reaches only the long way round (a light metal face behind a
   * broken outline, or shadow behind a speck of outline), darker floor the backdrop reaches without
   * crossing a strong outline (a contact shadow, mottled or next to a band, that is not smooth
   * enough to seed), and darker floor near the umbra. Product seeds: the rest, a margin in.
   */
  private static Floor floor(boolean[] product, Cues cues, MattingSettings s) {
    int w = cues.width, h = cues.height, n = w * h;
    boolean[] barrier = OpenCv.morph(w, h, cues.outline, 1),
        strongBarrier = OpenCv.morph(w, h, cues.strongOutline, 1);
    boolean[] passable = new boolean[n], darkFloor = new boolean[n], outside = new boolean[n];
    for (int i = 0; i < n; i++) {
      outside[i] = !product[i];
      // A floor next to silver or gold takes on a little of its colour: twice the product-colour
      // bar.
      boolean floor =
          cues.colourDistance[i] <= FLOOR_TINT * cues.productColour
              && cues.logRatio[i] < s.holeLogRatio()
              && !cues.bright[i];
      // Measured away from the outline, whose own contrast would make every shadow next to it
      // rough.
      boolean smooth = cues.textureAway[i] < s.shadowTexture();
      passable[i] = outside[i] || (!barrier[i] && smooth && floor);
      darkFloor[i] =
          outside[i] || (!strongBarrier[i] && floor && cues.logRatio[i] < -s.holeLogRatio());
    }
    boolean[] smoothFloor = reachedFromOutside(w, h, passable, outside);
    return new Floor(
        product,
        darkFloor,
        smoothFloor,
        reachedDirectly(w, h, smoothFloor, outside, s.shadowDetour()),
        reachedFromOutside(w, h, darkFloor, outside));
  }

  /**
   * The regions settled by the watershed: each unsettled pixel goes to whichever seed floods it
   * first across the weakest edges of the photo, so the border settles on the strongest edge
   * between them, which an outline with gaps still leaves there.
   */
  private static boolean[] settled(Floor floor, Cues cues) {
    int w = cues.width, h = cues.height, n = w * h;
    boolean[] product = floor.product(), shadow = floor.shadow();
    boolean[] rest = new boolean[n];
    for (int i = 0; i < n; i++) rest[i] = product[i] && !shadow[i];
    boolean[] metal = OpenCv.morph(w, h, rest, -SEED_MARGIN);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] =
          shadow[i]
              ? BACKGROUND
              : metal[i] && !floor.unsettled()[i] && !floor.smooth()[i] ? PRODUCT : 0;
    }
    Watershed.flood(w, h, labels, cues.edgeStrength);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) out[i] = product[i] && labels[i] == PRODUCT;
    return out;
  }

  /**
   * The pixels of {@code passable} the outside reaches through no gap narrower than {@link #GAP}: a
   * shadow meets the floor along its length, a leak into a metal face comes through a break in its
   * outline.
   */
  private static boolean[] reachedFromOutside(int w, int h, boolean[] passable, boolean[] outside) {
    Regions reach = Regions.of(w, h, OpenCv.morph(w, h, passable, -GAP), false);
    boolean[] reached = OpenCv.morph(w, h, reach.select(reach.anyOf(outside)), GAP);
    for (int i = 0; i < reached.length; i++) reached[i] = (reached[i] && passable[i]) || outside[i];
    return reached;
  }

  /**
   * Of the pixels the outside reaches, those it reaches about as directly as a straight line: a
   * shadow lies open to the floor along its length, while a metal face as grey as its shadow is
   * reached only the long way round, through a break in its outline. Walked with 8-neighbour steps,
   * which a straight line never needs more of than its length.
   */
  private static boolean[] reachedDirectly(
      int w, int h, boolean[] reached, boolean[] outside, double detour) {
    int n = w * h;
    float[] straight = OpenCv.floats(OpenCv.distance(w, h, outside));
    int[] steps = new int[n], queue = new int[n];
    Arrays.fill(steps, -1);
    int head = 0, tail = 0;
    for (int i = 0; i < n; i++) {
      if (outside[i]) {
        steps[i] = 0;
        queue[tail++] = i;
      }
    }
    while (head < tail) {
      int i = queue[head++], x = i % w, y = i / w;
      for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
        for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
          int j = ny * w + nx;
          if (reached[j] && steps[j] < 0) {
            steps[j] = steps[i] + 1;
            queue[tail++] = j;
          }
        }
      }
    }
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++)
      out[i] = outside[i] || (steps[i] >= 0 && steps[i] <= detour * straight[i] + GAP);
    return out;
  }

  /** Breaks in an outline narrower than twice this (px) do not let the floor's shadow in. */
  private static final int GAP = 3;

  /**
   * The tint a floor takes on from the piece next to it, in multiples of the product-colour bar.
   */
  private static final double FLOOR_TINT = 2;

  /** Product seeds keep this far (px) from the shadow, so the border is the watershed's to draw. */
  private static final int SEED_MARGIN = 3;

  private static final int BACKGROUND = 1, PRODUCT = 2;

  /**
   * An opening by one pixel, then parts smaller than a share of the largest dropped, and parts with
   * neither an outline nor a colour of their own (a hot spot of the lighting, not a piece).
   */
  private static boolean[] tidy(boolean[] product, Cues cues, MattingSettings s) {
    int w = cues.width, h = cues.height, n = w * h;
    boolean[] opened = OpenCv.morph(w, h, OpenCv.morph(w, h, product, -1), 1);
    Regions parts = Regions.of(w, h, opened, true);
    int minSize = (int) Math.ceil(s.speckShare() * parts.largest());
    boolean[] drawn = new boolean[n];
    for (int i = 0; i < n; i++) drawn[i] = cues.outline[i] || cues.colour[i];
    boolean[] piece = parts.anyOf(drawn);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      int r = parts.labels[i];
      out[i] = r != 0 && piece[r] && parts.sizes[r] >= minSize;
    }
    return out;
  }
}
