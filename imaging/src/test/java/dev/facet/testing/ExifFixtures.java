package dev.facet.testing;

import dev.facet.imaging.WebpContainer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * EXIF blocks as phones write them (orientation, and GPS coordinates that must never leave
 * capture), built byte by byte, and the ways JPEG, PNG and WebP carry them.
 */
public final class ExifFixtures {

  /** 51°30′26″ N, 0°7′39″ W: a seller's workshop, the kind of fact capture must strip. */
  private static final int[][] LATITUDE = {{51, 1}, {30, 1}, {26, 1}},
      LONGITUDE = {{0, 1}, {7, 1}, {39, 1}};

  private ExifFixtures() {}

  /** A little-endian TIFF structure: IFD0 with the orientation and, if asked, a GPS IFD. */
  public static byte[] tiff(int orientation, boolean gps) {
    ByteBuffer b = ByteBuffer.allocate(140).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
    int gpsIfd = 38;
    b.putShort((short) (gps ? 2 : 1));
    entry(b, 0x0112, 3, 1, orientation);
    if (gps) entry(b, 0x8825, 4, 1, gpsIfd);
    b.putInt(0);
    if (gps) {
      b.position(gpsIfd);
      b.putShort((short) 4);
      entry(b, 0x0001, 2, 2, 'N');
      entry(b, 0x0002, 5, 3, 92);
      entry(b, 0x0003, 2, 2, 'W');
      entry(b, 0x0004, 5, 3, 116);
      b.putInt(0);
      b.position(92);
      for (int[] r : LATITUDE) b.putInt(r[0]).putInt(r[1]);
      for (int[] r : LONGITUDE) b.putInt(r[0]).putInt(r[1]);
    }
    byte[] out = new byte[gps ? 140 : 30];
    b.rewind();
    b.get(out);
    return out;
  }

  private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(count);
    if (type == 3) b.putShort((short) value).putShort((short) 0);
    else b.putInt(value);
  }

  /** The JPEG with an APP1 "Exif" segment right after SOI. */
  public static byte[] jpeg(byte[] jpeg, byte[] tiff) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + tiff.length + 16);
    out.write(jpeg, 0, 2);
    int length = 2 + 6 + tiff.length;
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(tiff);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** The PNG with an eXIf chunk right after IHDR. */
  public static byte[] png(byte[] png, byte[] tiff) {
    int afterHeader = 8 + 8 + 13 + 4;
    ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + tiff.length + 12);
    out.write(png, 0, afterHeader);
    out.writeBytes(ByteBuffer.allocate(4).putInt(tiff.length).array());
    byte[] type = "eXIf".getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(type);
    out.writeBytes(tiff);
    CRC32 crc = new CRC32();
    crc.update(type);
    crc.update(tiff);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    out.write(png, afterHeader, png.length - afterHeader);
    return out.toByteArray();
  }

  /** The WebP in the extended layout with an EXIF chunk (optionally with the "Exif\0\0" header). */
  public static byte[] webp(byte[] webp, int width, int height, byte[] tiff, boolean exifHeader) {
    byte[] exif = tiff;
    if (exifHeader) {
      exif = new byte[tiff.length + 6];
      System.arraycopy("Exif\0\0".getBytes(StandardCharsets.US_ASCII), 0, exif, 0, 6);
      System.arraycopy(tiff, 0, exif, 6, tiff.length);
    }
    return WebpContainer.withMetadata(webp, width, height, null, exif, null);
  }
}
