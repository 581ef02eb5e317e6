package dev.facet.imaging;

import dev.facet.model.Box;
import java.util.List;

/**
 * What a finished image's piece has that its reference does not, with the candidate laid over the
 * reference ({@link ProductView#alignedTo}): parts of the candidate's cut-out lying well away from
 * anything the reference shows. A watermark across the piece, lettering or a prop is cut out with
 * the piece (it touches it) and lands here; a shadow, a thickened band or a slightly different
 * outline stays within reach of the reference and does not.
 */
final class ExtraParts {

  private static final int SIDE = ProductView.SIDE;

  /**
   * Farther than this from the reference's piece a part is extra: 3 % of the view (a faint shadow
   * along a chain reaches 2 %).
   */
  private static final int REACH = (int) Math.round(0.03 * SIDE);

  private ExtraParts() {}

  /**
   * @param extra the largest extra part, as a share of the reference's piece area
   * @param regions where the extra parts are, in the candidate photo
   */
  record Result(double extra, List<Box> regions) {}

  static Result of(ProductView reference, ProductView candidate) {
    boolean[] near = OpenCv.morph(SIDE, SIDE, reference.product(), REACH);
    boolean[] extra = new boolean[near.length];
    for (int i = 0; i < extra.length; i++) extra[i] = candidate.product()[i] && !near[i];
    extra = OpenCv.morph(SIDE, SIDE, OpenCv.morph(SIDE, SIDE, extra, -1), 1);
    Blobs parts = Blobs.of(extra, SIDE);
    int area = Math.max(1, reference.count());
    return new Result(
        (double) parts.largest() / area, parts.inPhoto(candidate, Math.max(4, area / 1000), 8));
  }
}
