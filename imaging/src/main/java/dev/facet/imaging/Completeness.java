package dev.facet.imaging;

import dev.facet.model.Box;
import java.util.List;

/**
 * What of the piece a finished image has lost against its reference photo: with the candidate laid
 * over the reference ({@link ProductView#alignedTo}), the reference's product pixels (its outline
 * left aside, and what is already near-white in it) that show the bare background in the candidate.
 * A punched hole, a missing prong or a cut-off part is a compact region of them; a pixel or two
 * along the outline is not, so one-pixel slivers are opened away first.
 */
final class Completeness {

  /** A reference pixel this light (min channel) may read as background in any photo: left out. */
  private static final int ALREADY_WHITE = 235;

  /** Background-like: every channel within this many levels of the background colour. */
  private static final int BACKGROUND_LEVELS = 15;

  /**
   * Holes up to twice this wide (px of the view, 3 % of the piece) lie within the closed outline.
   */
  private static final int CLOSING = 12;

  /** The reference's outline left aside, px of the view. */
  private static final int OUTLINE = 2;

  private Completeness() {}

  /**
   * @param missing the largest missing region, as a share of the reference's product area
   * @param regions where the missing regions are, in the candidate photo
   */
  record Result(double missing, List<Box> regions) {}

  static Result of(ProductView reference, ProductView candidate, int background) {
    int n = ProductView.SIDE * ProductView.SIDE;
    boolean[] core =
        OpenCv.morph(ProductView.SIDE, ProductView.SIDE, reference.product(), -OUTLINE);
    // A hole in the piece lies within its outline: what the reference shows beyond the image's
    // (closed) outline is a matter for the silhouette check, and is where the reference's own
    // cut-out is least sure (a shadow on the floor inside a bangle).
    boolean[] within =
        OpenCv.morph(
            ProductView.SIDE,
            ProductView.SIDE,
            OpenCv.morph(ProductView.SIDE, ProductView.SIDE, candidate.product(), CLOSING),
            -CLOSING);
    boolean[] lost = new boolean[n];
    for (int i = 0; i < n; i++) {
      lost[i] =
          core[i]
              && within[i]
              && minChannel(reference.rgb()[i]) < ALREADY_WHITE
              && nearColour(candidate.rgb()[i], background);
    }
    lost =
        OpenCv.morph(
            ProductView.SIDE,
            ProductView.SIDE,
            OpenCv.morph(ProductView.SIDE, ProductView.SIDE, lost, -1),
            1);
    Blobs parts = Blobs.of(lost, ProductView.SIDE);
    int area = Math.max(1, reference.count());
    return new Result(
        (double) parts.largest() / area, parts.inPhoto(candidate, Math.max(4, area / 1000), 8));
  }

  static boolean nearColour(int rgb, int background) {
    return Math.abs(RgbImage.red(rgb) - RgbImage.red(background)) <= BACKGROUND_LEVELS
        && Math.abs(RgbImage.green(rgb) - RgbImage.green(background)) <= BACKGROUND_LEVELS
        && Math.abs(RgbImage.blue(rgb) - RgbImage.blue(background)) <= BACKGROUND_LEVELS;
  }

  static int minChannel(int rgb) {
    return Math.min(RgbImage.red(rgb), Math.min(RgbImage.green(rgb), RgbImage.blue(rgb)));
  }
}
