package dev.facet.imaging.matte;

import dev.facet.imaging.OpenCv;

/**
 * Closes breaks in an outline by good continuation: from each loose end, the outline is carried on
 * in the direction it was running, up to a length, to the nearest outline ahead, or to a fainter
 * edge there that carries it further. A mirror-polished face that reflects the backdrop has no edge
 * where it meets it; its outline runs up to the spot from both sides, and a line between the ends
 * draws it as an eye would.
 */
final class OutlineLinks {

  /** How far back (px) along the outline its direction at a loose end is read. */
  private static final int TAIL = 6;

  /** Outline ahead of a loose end within this angle of its direction continues it. */
  private static final double COS_CONE = Math.cos(Math.toRadians(30));

  /**
   * Each round joins the faint pieces the last ones ran into; a fading rim is a few pieces long.
   */
  private static final int MAX_ROUNDS = 6;

  private OutlineLinks() {}

  /** Pixels on either map. */
  static boolean[] or(boolean[] a, boolean[] b) {
    boolean[] out = new boolean[a.length];
    for (int i = 0; i < out.length; i++) out[i] = a[i] || b[i];
    return out;
  }

  /**
   * What completes {@code outline} where it fades out: the pieces of {@code faint} edge its loose
   * ends run into (a hysteresis that carries on across breaks), and the lines that close the breaks
   * left, up to {@code length} px.
   */
  static boolean[] completing(int w, int h, boolean[] outline, boolean[] faint, int length) {
    Regions pieces = Regions.of(w, h, faint, true);
    boolean[] joined = outline.clone();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean[] reach =
          OpenCv.morph(w, h, or(joined, across(w, h, joined, or(joined, faint), length)), 1);
      boolean[] touched = new boolean[faint.length];
      boolean any = false;
      for (int i = 0; i < faint.length; i++) {
        touched[i] = reach[i] && faint[i] && !joined[i];
        any |= touched[i];
      }
      if (!any) break;
      joined = or(joined, pieces.select(pieces.anyOf(touched)));
    }
    boolean[] out = or(joined, across(w, h, joined, joined, length));
    for (int i = 0; i < out.length; i++) out[i] &= !outline[i];
    return out;
  }

  /** Straight lines that close the breaks in {@code outline} up to {@code length} px. */
  static boolean[] across(int w, int h, boolean[] outline, int length) {
    return across(w, h, outline, outline, length);
  }

  /**
   * Straight lines from the loose ends of {@code outline} to {@code targets} ahead of them, up to
   * {@code length} px.
   */
  private static boolean[] across(int w, int h, boolean[] outline, boolean[] targets, int length) {
    boolean[] out = new boolean[outline.length];
    for (int i = 0; i < outline.length; i++) {
      if (!outline[i] || !looseEnd(w, h, outline, i)) continue;
      int tail = tailEnd(w, h, outline, i);
      double dx = i % w - tail % w, dy = i / w - tail / w, norm = Math.hypot(dx, dy);
      if (norm < TAIL / 2.0) continue;
      int target = ahead(w, h, targets, i, dx / norm, dy / norm, length);
      if (target >= 0) line(w, out, i, target);
    }
    return out;
  }

  /** The ring of 8 neighbours, clockwise. */
  private static final int[] RING_X = {1, 1, 0, -1, -1, -1, 0, 1},
      RING_Y = {0, 1, 1, 1, 0, -1, -1, -1};

  /**
   * Whether the outline stops at this pixel: its neighbours on the outline form one unbroken arc of
   * the ring around it (a line runs through a pixel with two arcs), at most three long (a
   * staircase's last step).
   */
  private static boolean looseEnd(int w, int h, boolean[] bits, int i) {
    int x = i % w, y = i / w, arcs = 0, count = 0;
    for (int k = 0; k < 8; k++) {
      boolean on = at(w, h, bits, x + RING_X[k], y + RING_Y[k]);
      boolean before = at(w, h, bits, x + RING_X[(k + 7) % 8], y + RING_Y[(k + 7) % 8]);
      if (on) count++;
      if (on && !before) arcs++;
    }
    return arcs == 1 && count <= 3;
  }

  private static boolean at(int w, int h, boolean[] bits, int x, int y) {
    return x >= 0 && y >= 0 && x < w && y < h && bits[y * w + x];
  }

  /** The pixel {@link #TAIL} steps back along the outline from a loose end (or where it stops). */
  private static int tailEnd(int w, int h, boolean[] outline, int end) {
    int previous = -1, current = end;
    for (int step = 0; step < TAIL; step++) {
      int next = -1, x = current % w, y = current / w;
      for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1) && next < 0; ny++) {
        for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
          int j = ny * w + nx;
          if (j != current && j != previous && j != end && outline[j]) {
            next = j;
            break;
          }
        }
      }
      if (next < 0) break;
      previous = current;
      current = next;
    }
    return current;
  }

  /** The nearest outline pixel ahead of the end, within the cone and the length; -1 if none. */
  private static int ahead(
      int w, int h, boolean[] outline, int end, double ux, double uy, int length) {
    int x = end % w, y = end / w, best = -1;
    double bestDistance = Double.MAX_VALUE;
    for (int ny = Math.max(0, y - length); ny <= Math.min(h - 1, y + length); ny++) {
      for (int nx = Math.max(0, x - length); nx <= Math.min(w - 1, x + length); nx++) {
        int j = ny * w + nx;
        double dx = nx - x, dy = ny - y, d = Math.hypot(dx, dy);
        if (!outline[j] || d < 2 || d > length || (dx * ux + dy * uy) < COS_CONE * d) continue;
        if (d < bestDistance) {
          bestDistance = d;
          best = j;
        }
      }
    }
    return best;
  }

  private static void line(int w, boolean[] bits, int from, int to) {
    int x0 = from % w, y0 = from / w, x1 = to % w, y1 = to / w;
    int steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
    for (int k = 0; k <= steps; k++) {
      int x = x0 + Math.round((float) (x1 - x0) * k / steps),
          y = y0 + Math.round((float) (y1 - y0) * k / steps);
      bits[y * w + x] = true;
    }
  }
}
