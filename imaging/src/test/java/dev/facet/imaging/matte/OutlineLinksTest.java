package dev.facet.imaging.matte;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Breaks in an outline closed by good continuation, and nothing drawn where an edge just stops. */
class OutlineLinksTest {

  private static final int SIZE = 300;

  @Test
  void aCircleBrokenWhereItMirrorsTheBackdropIsClosed() {
    boolean[] circle = brokenCircle(17);
    boolean[] closed = or(circle, OutlineLinks.across(SIZE, SIZE, circle, 20));
    assertThat(reachesCentreFromCorner(circle)).as("the break lets the backdrop in").isTrue();
    assertThat(reachesCentreFromCorner(closed)).as("the break, closed").isFalse();
  }

  @Test
  void aBreakLongerThanTheLinkLengthStaysOpen() {
    boolean[] circle = brokenCircle(40);
    assertThat(reachesCentreFromCorner(or(circle, OutlineLinks.across(SIZE, SIZE, circle, 20))))
        .isTrue();
  }

  @Test
  void aRimThatFadesOutIsCompletedThroughItsFaintEdges() {
    boolean[] circle = brokenCircle(70);
    // The faded stretch shows only as dashes of faint edge, with gaps the links close.
    boolean[] faint = new boolean[SIZE * SIZE];
    for (double t = -0.3; t <= 0.3; t += 0.002) {
      if (Math.abs(t) % 0.2 > 0.12) continue;
      faint[
              (int) Math.round(150 + 100 * Math.sin(t)) * SIZE
                  + (int) Math.round(150 + 100 * Math.cos(t))] =
          true;
    }
    boolean[] stray = new boolean[SIZE * SIZE];
    for (int y = 20; y < 40; y++) stray[y * SIZE + 280] = true;
    assertThat(reachesCentreFromCorner(or(circle, OutlineLinks.across(SIZE, SIZE, circle, 20))))
        .as("the links alone cannot close 70 px")
        .isTrue();
    boolean[] completion = OutlineLinks.completing(SIZE, SIZE, circle, or(faint, stray), 20);
    assertThat(reachesCentreFromCorner(or(circle, completion)))
        .as("completed through the dashes")
        .isFalse();
    assertThat(completion[30 * SIZE + 280])
        .as("a faint edge nothing runs into stays out")
        .isFalse();
  }

  @Test
  void anEdgeThatStopsWithNothingAheadGetsNoLink() {
    boolean[] edge = new boolean[SIZE * SIZE];
    for (int x = 50; x < 150; x++) edge[150 * SIZE + x] = true;
    // An edge beside its end, but not ahead of it, is not its continuation.
    for (int y = 100; y < 140; y++) edge[y * SIZE + 160] = true;
    boolean[] links = OutlineLinks.across(SIZE, SIZE, edge, 20);
    for (boolean b : links) assertThat(b).isFalse();
  }

  /**
   * An 8-connected circle of radius 100 around the centre, with a gap of about {@code gap} px at 3
   * o'clock.
   */
  private static boolean[] brokenCircle(int gap) {
    boolean[] out = new boolean[SIZE * SIZE];
    double half = gap / 2.0 / 100;
    for (double t = 0; t < 2 * Math.PI; t += 0.002) {
      if (Math.abs(Math.atan2(Math.sin(t), Math.cos(t))) < half) continue;
      out[
              (int) Math.round(150 + 100 * Math.sin(t)) * SIZE
                  + (int) Math.round(150 + 100 * Math.cos(t))] =
          true;
    }
    return out;
  }

  private static boolean reachesCentreFromCorner(boolean[] walls) {
    boolean[] open = new boolean[walls.length];
    for (int i = 0; i < open.length; i++) open[i] = !walls[i];
    Regions regions = Regions.of(SIZE, SIZE, open, false);
    return regions.labels[0] == regions.labels[150 * SIZE + 150];
  }

  private static boolean[] or(boolean[] a, boolean[] b) {
    boolean[] out = new boolean[a.length];
    for (int i = 0; i < out.length; i++) out[i] = a[i] || b[i];
    return out;
  }
}
