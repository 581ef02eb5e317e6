package dev.facet.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RIFF container of a WebP file: its chunks by FourCC, and the extended layout (VP8X) that
 * carries an ICC profile, EXIF and XMP next to the image data. Encoders write the simple layout;
 * this adds the metadata chunks without touching the compressed picture.
 */
public final class WebpContainer {

  private static final int ICC_FLAG = 0x20, ALPHA_FLAG = 0x10, EXIF_FLAG = 0x08, XMP_FLAG = 0x04;

  private WebpContainer() {}

  /** The chunks of a WebP file in order, by FourCC ("VP8 ", "ICCP", "EXIF", "XMP ", …). */
  public static Map<String, byte[]> chunks(byte[] webp) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (webp.length < 12 || !fourCc(webp, 0).equals("RIFF") || !fourCc(webp, 8).equals("WEBP")) {
      return out;
    }
    int i = 12;
    while (i + 8 <= webp.length) {
      String id = fourCc(webp, i);
      long size = littleEndian(webp, i + 4, 4);
      if (i + 8 + size > webp.length) break;
      byte[] data = new byte[(int) size];
      System.arraycopy(webp, i + 8, data, 0, data.length);
      out.putIfAbsent(id, data);
      i += 8 + (int) size + (int) (size & 1);
    }
    return out;
  }

  /**
   * An extended WebP of the same picture with the given metadata chunks ({@code null} = none).
   * Chunk order follows the WebP container specification: VP8X, ICCP, image data, EXIF, XMP.
   */
  public static byte[] withMetadata(
      byte[] webp, int width, int height, byte[] icc, byte[] exif, byte[] xmp) {
    Map<String, byte[]> in = chunks(webp);
    int flags =
        (icc != null ? ICC_FLAG : 0)
            | (exif != null ? EXIF_FLAG : 0)
            | (xmp != null ? XMP_FLAG : 0)
            | (in.containsKey("ALPH") || isLosslessWithAlpha(in.get("VP8L")) ? ALPHA_FLAG : 0);
    byte[] vp8x = new byte[10];
    vp8x[0] = (byte) flags;
    putLittleEndian(vp8x, 4, width - 1, 3);
    putLittleEndian(vp8x, 7, height - 1, 3);
    ByteArrayOutputStream body = new ByteArrayOutputStream(webp.length + 4096);
    body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
    writeChunk(body, "VP8X", vp8x);
    if (icc != null) writeChunk(body, "ICCP", icc);
    for (String image : new String[] {"ALPH", "VP8 ", "VP8L"}) {
      if (in.containsKey(image)) writeChunk(body, image, in.get(image));
    }
    if (exif != null) writeChunk(body, "EXIF", exif);
    if (xmp != null) writeChunk(body, "XMP ", xmp);
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 8);
    out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    byte[] size = new byte[4];
    putLittleEndian(size, 0, body.size(), 4);
    out.writeBytes(size);
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static boolean isLosslessWithAlpha(byte[] vp8l) {
    // VP8L header: signature 0x2f, then 14+14 bits of size and one alpha hint bit.
    return vp8l != null && vp8l.length >= 5 && ((vp8l[4] >> 4) & 1) == 1;
  }

  private static void writeChunk(ByteArrayOutputStream out, String id, byte[] data) {
    out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
    byte[] size = new byte[4];
    putLittleEndian(size, 0, data.length, 4);
    out.writeBytes(size);
    out.writeBytes(data);
    if ((data.length & 1) == 1) out.write(0);
  }

  private static String fourCc(byte[] b, int at) {
    return new String(b, at, 4, StandardCharsets.US_ASCII);
  }

  static long littleEndian(byte[] b, int at, int bytes) {
    long v = 0;
    for (int k = 0; k < bytes; k++) v |= (b[at + k] & 0xFFL) << (8 * k);
    return v;
  }

  private static void putLittleEndian(byte[] b, int at, long v, int bytes) {
    for (int k = 0; k < bytes; k++) b[at + k] = (byte) (v >>> (8 * k));
  }
}
