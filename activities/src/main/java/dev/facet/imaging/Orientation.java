package dev.facet.imaging;

/**
 * EXIF orientation (tag 0x0112): how the stored pixels must be turned to be seen upright. Read
 * from a JPEG's APP1 segment without a metadata library; photos from phones carry it all the time.
 */
public enum Orientation {
  NORMAL,
  MIRROR_HORIZONTAL,
  ROTATE_180,
  MIRROR_VERTICAL,
  TRANSPOSE,
  ROTATE_90_CW,
  TRANSVERSE,
  ROTATE_90_CCW;

  /** The EXIF value, 1..8. */
  public int exifValue() {
    return ordinal() + 1;
  }

  public static Orientation ofExif(int value) {
    return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
  }

  /** The orientation a JPEG declares, {@link #NORMAL} when it declares none. */
  public static Orientation ofJpeg(byte[] b) {
    int i = 2;
    while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
      int marker = b[i + 1] & 0xFF;
      int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
      if (marker == 0xDA || marker == 0xD9) {
        break;
      }
      if (marker == 0xE1 && isExif(b, i + 4)) {
        return ofTiff(b, i + 10, Math.min(b.length, i + 2 + length));
      }
      i += 2 + length;
    }
    return NORMAL;
  }

  private static boolean isExif(byte[] b, int at) {
    return at + 6 <= b.length
        && b[at] == 'E' && b[at + 1] == 'x' && b[at + 2] == 'i' && b[at + 3] == 'f'
        && b[at + 4] == 0 && b[at + 5] == 0;
  }

  /** Looks for tag 0x0112 in IFD0 of the TIFF structure starting at {@code tiff}. */
  private static Orientation ofTiff(byte[] b, int tiff, int end) {
    if (tiff + 8 > end) {
      return NORMAL;
    }
    boolean little = b[tiff] == 'I';
    int ifd = tiff + (int) read(b, tiff + 4, 4, little);
    if (ifd + 2 > end) {
      return NORMAL;
    }
    int entries = (int) read(b, ifd, 2, little);
    for (int e = 0; e < entries; e++) {
      int entry = ifd + 2 + 12 * e;
      if (entry + 12 > end) {
        break;
      }
      if (read(b, entry, 2, little) == 0x0112) {
        return ofExif((int) read(b, entry + 8, 2, little));
      }
    }
    return NORMAL;
  }

  private static long read(byte[] b, int at, int bytes, boolean little) {
    long v = 0;
    for (int k = 0; k < bytes; k++) {
      int shift = little ? 8 * k : 8 * (bytes - 1 - k);
      v |= (b[at + k] & 0xFFL) << shift;
    }
    return v;
  }

  /** The upright picture. */
  public RgbImage apply(RgbImage image) {
    if (this == NORMAL) {
      return image;
    }
    int w = image.width(), h = image.height();
    boolean swaps = ordinal() >= TRANSPOSE.ordinal();
    int ow = swaps ? h : w, oh = swaps ? w : h;
    int[] src = image.pixels();
    int[] out = new int[src.length];
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        int sx, sy;
        switch (this) {
          case MIRROR_HORIZONTAL -> { sx = w - 1 - x; sy = y; }
          case ROTATE_180 -> { sx = w - 1 - x; sy = h - 1 - y; }
          case MIRROR_VERTICAL -> { sx = x; sy = h - 1 - y; }
          case TRANSPOSE -> { sx = y; sy = x; }
          case ROTATE_90_CW -> { sx = y; sy = h - 1 - x; }
          case TRANSVERSE -> { sx = w - 1 - y; sy = h - 1 - x; }
          case ROTATE_90_CCW -> { sx = w - 1 - y; sy = x; }
          default -> throw new IllegalStateException();
        }
        out[y * ow + x] = src[sy * w + sx];
      }
    }
    return new RgbImage(ow, oh, out);
  }
}
