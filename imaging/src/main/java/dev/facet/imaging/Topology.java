package dev.facet.imaging;

import dev.facet.model.Box;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a finished image's piece holds together as its reference does: how many separate parts it
 * has (a pair of studs: two) and how many openings they enclose (a ring: one). A band cut through,
 * a head or a stone left floating, an opening closed or punched: each changes a count that light,
 * pose within reason and a slightly different outline leave alone. Specks under a small share of
 * the piece are neither parts nor openings.
 */
final class Topology {

  private static final int SIDE = ProductView.SIDE;

  /** Parts and openings are at least this share of the reference's piece area. */
  private static final double SIGNIFICANT = 0.003;

  private Topology() {}

  /**
   * @param changes parts gained or lost plus openings gained or lost
   * @param finding the counts, in words
   * @param regions the candidate's smaller parts and the reference's openings the candidate lacks,
   *     in the candidate photo
   */
  record Result(int changes, String finding, List<Box> regions) {}

  static Result of(ProductView reference, ProductView candidate) {
    int least = (int) Math.ceil(SIGNIFICANT * reference.count());
    List<Blobs.Blob> refParts = significant(Blobs.of(reference.product(), SIDE), least);
    List<Blobs.Blob> candParts = significant(Blobs.of(candidate.product(), SIDE), least);
    List<Blobs.Blob> refHoles = openings(reference.product(), least),
        candHoles = openings(candidate.product(), least);
    int changes =
        Math.abs(candParts.size() - refParts.size()) + Math.abs(candHoles.size() - refHoles.size());
    List<Box> regions = new ArrayList<>();
    if (candParts.size() != refParts.size()) {
      candParts.stream()
          .skip(1)
          .limit(8)
          .forEach(b -> regions.add(candidate.inPhoto(b.x(), b.y(), b.width(), b.height())));
    }
    if (candHoles.size() < refHoles.size()) {
      refHoles.stream()
          .limit(8)
          .forEach(b -> regions.add(candidate.inPhoto(b.x(), b.y(), b.width(), b.height())));
    }
    String finding =
        String.format(
            "%d part%s with %d opening%s; the closest reference %d with %d",
            candParts.size(),
            candParts.size() == 1 ? "" : "s",
            candHoles.size(),
            candHoles.size() == 1 ? "" : "s",
            refParts.size(),
            refHoles.size());
    return new Result(changes, finding, regions);
  }

  private static List<Blobs.Blob> significant(Blobs blobs, int least) {
    return blobs.parts().stream().filter(b -> b.size() >= least).toList();
  }

  /** The background regions the piece encloses: those that do not reach the view's edge. */
  private static List<Blobs.Blob> openings(boolean[] piece, int least) {
    boolean[] background = new boolean[piece.length];
    for (int i = 0; i < piece.length; i++) background[i] = !piece[i];
    return significant(Blobs.of(background, SIDE), least).stream()
        .filter(
            b -> b.x() > 0 && b.y() > 0 && b.x() + b.width() < SIDE && b.y() + b.height() < SIDE)
        .toList();
  }
}
