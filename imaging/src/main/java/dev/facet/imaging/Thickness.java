package dev.facet.imaging;

import dev.facet.model.Box;
import java.util.List;

/**
 * Whether a finished image's metal is thicker than its reference's, with the candidate laid over
 * the reference ({@link ProductView#alignedTo}). The mean width of a piece's parts is twice its
 * area over its outline's length (a band of width w and length L: 2wL / 2L); a generator that
 * thickens the metal widens every part by the same amount, which a shape agreement within 1 %
 * tolerates. Only thickening is judged: a seller's cut-out on paper often keeps a contact shadow,
 * which makes the reference read wider, never narrower.
 */
final class Thickness {

  private static final int SIDE = ProductView.SIDE;

  /**
   * Evidence: parts of the candidate beyond the reference's outline by more than this (px of the
   * view).
   */
  private static final int OUTLINE = 3;

  private Thickness() {}

  /**
   * @param thicker how much wider the candidate's parts are on average, as a share of the view (the
   *     piece's longest side and a small margin); negative when narrower
   * @param regions where the candidate reaches beyond the reference's outline, in the candidate
   *     photo
   */
  record Result(double thicker, List<Box> regions) {}

  static Result of(ProductView reference, ProductView candidate) {
    double thicker = (meanWidth(candidate.product()) - meanWidth(reference.product())) / SIDE;
    boolean[] near = OpenCv.morph(SIDE, SIDE, reference.product(), OUTLINE);
    boolean[] beyond = new boolean[near.length];
    for (int i = 0; i < beyond.length; i++) beyond[i] = candidate.product()[i] && !near[i];
    Blobs parts = Blobs.of(OpenCv.morph(SIDE, SIDE, OpenCv.morph(SIDE, SIDE, beyond, -1), 1), SIDE);
    return new Result(thicker, parts.inPhoto(candidate, Math.max(4, reference.count() / 1000), 8));
  }

  /** Twice the area over the outline's length (its 4-connected boundary pixels), px of the view. */
  static double meanWidth(boolean[] piece) {
    int area = 0, outline = 0;
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        int i = y * SIDE + x;
        if (!piece[i]) continue;
        area++;
        boolean edge =
            x == 0
                || y == 0
                || x == SIDE - 1
                || y == SIDE - 1
                || !piece[i - 1]
                || !piece[i + 1]
                || !piece[i - SIDE]
                || !piece[i + SIDE];
        if (edge) outline++;
      }
    }
    return outline == 0 ? 0 : 2.0 * area / outline;
  }
}
