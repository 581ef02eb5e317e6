package dev.facet.imaging;

/**
 * EXIF orientation (tag 0x0112): how the stored pixels must be turned to be seen upright. Read
 * without a metadata library from a JPEG's APP1 segment, a PNG's eXIf chunk or a WebP's EXIF chunk;
 * photos from phones carry it all the time.
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

  /** The orientation the file declares, {@link #NORMAL} when it declares none. */
  public static Orientation of(byte[] b, ImageFormat format) {
    return switch (format) {
      case JPEG -> ofJpeg(b);
      case PNG -> ofPng(b);
      case WEBP -> ofWebp(b);
      default -> NORMAL;
    };
  }

  /** A PNG's eXIf chunk holds the TIFF structure directly (PNG 1.5 / third edition). */
  static Orientation ofPng(byte[] b) {
    int i = 8;
    while (i + 12 <= b.length) {
      long length =
          ((b[i] & 0xFFL) << 24)
              | ((b[i + 1] & 0xFFL) << 16)
              | ((b[i + 2] & 0xFFL) << 8)
              | (b[i + 3] & 0xFFL);
      String type = new String(b, i + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
      if (type.equals("eXIf")) {
        return ofTiff(b, i + 8, (int) Math.min(b.length, i + 8 + length));
      }
      if (type.equals("IEND") || length > b.length) {
        break;
      }
      i += 12 + (int) length;
    }
    return NORMAL;
  }

  /** A WebP's EXIF chunk holds the TIFF structure, by some writers after an "Exif\0\0" header. */
  static Orientation ofWebp(byte[] b) {
    byte[] exif = WebpContainer.chunks(b).get("EXIF");
    if (exif == null) {
      return NORMAL;
    }
    int start = isExif(exif, 0) ? 6 : 0;
    return ofTiff(exif, start, exif.length);
  }

  /** The orientation a JPEG declares, {@link #NORMAL} when it declares none. */
  public static Orientation ofJpeg(byte[] b) {
    for (JpegSegments.Segment s : JpegSegments.read(b)) {
      if (s.marker() == JpegSegments.APP1 && s.startsWith(JpegSegments.EXIF_ID)) {
        return ofTiff(s.payload(), JpegSegments.EXIF_ID.length, s.payload().length);
      }
    }
    return NORMAL;
  }

  private static boolean isExif(byte[] b, int at) {
    return at + 6 <= b.length
        && b[at] == 'E'
        && b[at + 1] == 'x'
        && b[at + 2] == 'i'
        && b[at + 3] == 'f'
        && b[at + 4] == 0
        && b[at + 5] == 0;
  }

  /** Looks for tag 0x0112 in IFD0 of the TIFF structure starting at {@code tiff}. */
  private static Orientation ofTiff(byte[] b, int tiff, int end) {
    if (tiff + 8 > end) {
      return NORMAL;
    }
    boolean little = b[tiff] == 'I';
    long offset = read(b, tiff + 4, 4, little);
    if (offset < 8 || tiff + offset + 2 > end) {
      return NORMAL; // malformed: an orientation is a hint, never a reason to fail
    }
    int ifd = tiff + (int) offset;
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
          case MIRROR_HORIZONTAL -> {
            sx = w - 1 - x;
            sy = y;
          }
          case ROTATE_180 -> {
            sx = w - 1 - x;
            sy = h - 1 - y;
          }
          case MIRROR_VERTICAL -> {
            sx = x;
            sy = h - 1 - y;
          }
          case TRANSPOSE -> {
            sx = y;
            sy = x;
          }
          case ROTATE_90_CW -> {
            sx = y;
            sy = h - 1 - x;
          }
          case TRANSVERSE -> {
            sx = w - 1 - y;
            sy = h - 1 - x;
          }
          case ROTATE_90_CCW -> {
            sx = w - 1 - y;
            sy = x;
          }
          default -> throw new IllegalStateException();
        }
        out[y * ow + x] = src[sy * w + sx];
      }
    }
    return new RgbImage(ow, oh, out);
  }
}
