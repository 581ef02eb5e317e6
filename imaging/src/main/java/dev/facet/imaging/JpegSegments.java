package dev.facet.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and inserts JPEG marker segments (APPn) without a metadata library: enough to embed an ICC
 * profile and an XMP packet in a file the JDK's encoder wrote, and to read them back.
 */
public final class JpegSegments {

  static final int APP1 = 0xE1, APP2 = 0xE2;
  static final byte[] XMP_ID = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
  static final byte[] ICC_ID = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
  public static final byte[] EXIF_ID = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

  /** Largest payload of one segment: the 16-bit length counts itself. */
  private static final int MAX_PAYLOAD = 65_533;

  private JpegSegments() {}

  /** One APPn segment before the first scan. */
  public record Segment(int marker, byte[] payload) {
    public boolean startsWith(byte[] id) {
      if (payload.length < id.length) return false;
      for (int i = 0; i < id.length; i++) if (payload[i] != id[i]) return false;
      return true;
    }
  }

  /** The marker segments between SOI and the first scan, in file order. */
  public static List<Segment> read(byte[] jpeg) {
    return header(jpeg).segments();
  }

  /**
   * What precedes the image data: the marker segments, the offset of the first scan's SOS marker
   * (-1 when the file ends, or an EOI comes, before one), and whether the walk met bytes it cannot
   * read as a marker.
   */
  record Header(List<Segment> segments, int scanStart, boolean unreadable) {}

  /** Facet's one walk over a JPEG's markers (fill bytes 0xFF between segments are skipped). */
  static Header header(byte[] jpeg) {
    List<Segment> segments = new ArrayList<>();
    int i = 2;
    while (i + 4 <= jpeg.length) {
      if ((jpeg[i] & 0xFF) != 0xFF) return new Header(segments, -1, true);
      int marker = jpeg[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++;
        continue;
      }
      if (marker == 0xDA) return new Header(segments, i, false);
      if (marker == 0xD9) break;
      int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
      if (length < 2 || i + 2 + length > jpeg.length) break;
      byte[] payload = new byte[length - 2];
      System.arraycopy(jpeg, i + 4, payload, 0, payload.length);
      segments.add(new Segment(marker, payload));
      i += 2 + length;
    }
    return new Header(segments, -1, false);
  }

  /** The embedded ICC profile's bytes (chunks joined), or {@code null} when there is none. */
  public static byte[] iccProfile(byte[] jpeg) {
    ByteArrayOutputStream icc = new ByteArrayOutputStream();
    for (Segment s : read(jpeg)) {
      if (s.marker() == APP2 && s.startsWith(ICC_ID)) {
        int header = ICC_ID.length + 2; // sequence number and chunk count follow the id
        icc.write(s.payload(), header, s.payload().length - header);
      }
    }
    return icc.size() == 0 ? null : icc.toByteArray();
  }

  /** The XMP packet as text, or {@code null} when there is none. */
  public static String xmp(byte[] jpeg) {
    for (Segment s : read(jpeg)) {
      if (s.marker() == APP1 && s.startsWith(XMP_ID)) {
        return new String(
            s.payload(), XMP_ID.length, s.payload().length - XMP_ID.length, StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /**
   * The file with an XMP (APP1) and an ICC profile (APP2) segment inserted after SOI and the JFIF
   * APP0 header, which must stay first.
   */
  static byte[] withXmpAndIcc(byte[] jpeg, byte[] xmp, byte[] icc) {
    int at = 2;
    if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
      at += 2 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
    }
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(jpeg.length + xmp.length + icc.length + 64);
    out.write(jpeg, 0, at);
    writeSegment(out, APP1, XMP_ID, new byte[0], xmp);
    int chunk = MAX_PAYLOAD - ICC_ID.length - 2;
    int count = (icc.length + chunk - 1) / chunk;
    for (int k = 0; k < count; k++) {
      int from = k * chunk, length = Math.min(chunk, icc.length - from);
      byte[] part = Arrays.copyOfRange(icc, from, from + length);
      writeSegment(out, APP2, ICC_ID, new byte[] {(byte) (k + 1), (byte) count}, part);
    }
    out.write(jpeg, at, jpeg.length - at);
    return out.toByteArray();
  }

  private static void writeSegment(
      ByteArrayOutputStream out, int marker, byte[] id, byte[] header, byte[] data) {
    int length = 2 + id.length + header.length + data.length;
    if (length - 2 > MAX_PAYLOAD) {
      throw new IllegalArgumentException(
          "segment payload of " + (length - 2) + " bytes does not fit");
    }
    out.write(0xFF);
    out.write(marker);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(id);
    out.writeBytes(header);
    out.writeBytes(data);
  }
}
