package dev.facet.imaging.matte;

/**
 * The umbra of a contact shadow, left under the piece. Where a piece stands on the floor, the floor
 * right under its edge gets almost no light: a flat, dark band of the floor's own colour. It is as
 * grey as white metal and, where the piece's shaded underside runs into it, there is no edge
 * between them, so the regions and the flood before this take it for product (a dark crescent under
 * a stud's back, a grey rim inside a bangle).
 *
 * <p>What gives it away is where it lies and how it reads up a column: under the piece, below
 * everything but floor; much darker than the floor beneath it and than the piece above it, whose
 * lit edge (a step up in lightness, or an outline) ends it; and flat. Each column is read upward
 * from each lower edge of the mask: first any floor the flood gave to the piece (lit like the floor
 * below), then the band. Columns are judged together: a band that runs along a good share ({@link
 * MattingSettings#umbraLength()}) of the piece's width, most of whose columns read as an umbra, is
 * one; a dark reflection in the piece's lower rim is as flat and as dark down a column, but short.
 */
final class ContactUmbra {

  private ContactUmbra() {}

  /** How far (px) below an edge of the mask the floor's lightness is read. */
  private static final int FLOOR_FROM = 2, FLOOR_TO = 4;

  /** Pixels at each end of a band left out of its flatness: the blur of the edges around it. */
  private static final int BLUR = 2;

  /** A band shorter than this (px) has no flat inside to measure. */
  private static final int SHORTEST = 2 * BLUR + 3;

  /** Seams up to this wide (px) in a column of the mask, an outline's own pixels, are crossed. */
  private static final int SEAM = 2;

  /** Breaks along a band up to this long (px) are bridged. */
  private static final int JOIN = 8;

  /** The least share of a band's pixels in columns that read as an umbra, for it to be one. */
  private static final double MOST = 0.5;

  /** The umbra pixels under {@code product} (empty when there are none). */
  static boolean[] under(boolean[] product, Cues cues, MattingSettings s) {
    int w = cues.width, h = cues.height, n = w * h;
    boolean[] mask = withoutSeams(product, w, h);
    boolean[] band = new boolean[n], umbra = new boolean[n];
    for (int x = 0; x < w; x++) {
      for (int y = 0; y + FLOOR_TO < h; y++) {
        int i = y * w + x;
        if (mask[i] && !mask[i + w] && floorBelow(mask, i, w))
          read(x, y, mask, cues, s, band, umbra);
      }
    }
    // A band broken for a few columns (a speck of outline across it) is still one band.
    Regions bands = Regions.of(w, h, joined(band, w, h), true);
    Regions pieces = Regions.of(w, h, product, true);
    int[] piece = new int[bands.count + 1];
    for (int i = 0; i < n; i++) {
      if (pieces.labels[i] != 0) piece[bands.labels[i]] = pieces.labels[i];
    }
    double[] share = bands.share(umbra);
    boolean[] shadow = new boolean[bands.count + 1];
    for (int r = 1; r <= bands.count; r++) {
      shadow[r] =
          piece[r] != 0
              && bands.widths[r] >= s.umbraLength() * pieces.widths[piece[r]]
              && share[r] >= MOST;
    }
    return bands.select(shadow);
  }

  /**
   * Reads one column up from the lower edge at {@code y}: marks the band in {@code band}, and in
   * {@code umbra} too where it reads as one.
   */
  private static void read(
      int x, int y, boolean[] mask, Cues cues, MattingSettings s, boolean[] band, boolean[] umbra) {
    int w = cues.width;
    float[] lr = cues.logRatio;
    double floor = 0;
    for (int d = FLOOR_FROM; d <= FLOOR_TO; d++) floor += lr[(y + d) * w + x];
    floor /= FLOOR_TO - FLOOR_FROM + 1;
    double dark = floor - s.umbraDepth();
    // Floor the flood gave to the piece, lit like the floor below; then the dark band.
    int k = y;
    while (k >= 0
        && y - k < s.umbraWidth()
        && mask[k * w + x]
        && cues.shadowLike(k * w + x, s)
        && Math.abs(lr[k * w + x] - floor) <= s.umbraDepth()) k--;
    int bottom = k;
    while (k >= 0
        && bottom - k < s.umbraWidth()
        && mask[k * w + x]
        && cues.shadowLike(k * w + x, s)
        && lr[k * w + x] < dark
        // The band's own lower edge may be an outline; one further up is the piece's.
        && !(cues.outline[k * w + x] && bottom - k >= BLUR)) k--;
    int top = k + 1;
    if (k < 0 || !mask[k * w + x] || bottom - k >= s.umbraWidth() || bottom - top + 1 < SHORTEST) {
      return;
    }
    double sum = 0, squares = 0;
    int count = 0;
    for (int j = top + BLUR; j <= bottom - BLUR; j++) {
      sum += lr[j * w + x];
      squares += lr[j * w + x] * lr[j * w + x];
      count++;
    }
    double mean = sum / count;
    double spread = Math.sqrt(Math.max(0, squares / count - mean * mean));
    int above = k * w + x;
    boolean reads =
        mean < -s.umbraDark()
            && spread <= s.umbraFlatness()
            && (cues.outline[above] || lr[above] >= mean + s.umbraDepth());
    for (int j = top; j <= y; j++) {
      band[j * w + x] = true;
      umbra[j * w + x] = reads;
    }
  }

  /** {@code band} with breaks of up to {@link #JOIN} px along a row bridged. */
  private static boolean[] joined(boolean[] band, int w, int h) {
    boolean[] out = band.clone();
    for (int y = 0; y < h; y++) {
      int last = -1;
      for (int x = 0; x < w; x++) {
        if (!band[y * w + x]) continue;
        if (last >= 0 && x - last - 1 <= JOIN) {
          for (int j = last + 1; j < x; j++) out[y * w + j] = true;
        }
        last = x;
      }
    }
    return out;
  }

  /** Whether the pixels a little below {@code i} are floor, not more of the mask. */
  private static boolean floorBelow(boolean[] mask, int i, int w) {
    for (int d = FLOOR_FROM; d <= FLOOR_TO; d++) if (mask[i + d * w]) return false;
    return true;
  }

  /** {@code product} with seams of up to {@link #SEAM} px down a column filled. */
  private static boolean[] withoutSeams(boolean[] product, int w, int h) {
    boolean[] out = product.clone();
    for (int i = w; i < w * h; i++) {
      if (product[i] || !product[i - w]) continue;
      for (int d = 1; d <= SEAM && i + d * w < w * h; d++) {
        if (product[i + d * w]) {
          for (int j = 0; j < d; j++) out[i + j * w] = true;
          break;
        }
      }
    }
    return out;
  }
}
