package dev.facet.uploads;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Recognises JPEG, PNG and WebP by their first bytes, whatever the file is called or claims to be.
 */
public final class MagicBytesInspector implements UploadInspector {

  public static final String SUPPORTED = "JPEG (image/jpeg), PNG (image/png) or WebP (image/webp)";

  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);

  @Override
  public String inspect(String name, byte[] bytes) {
    if (startsWith(bytes, 0, JPEG)) {
      return "image/jpeg";
    }
    if (startsWith(bytes, 0, PNG)) {
      return "image/png";
    }
    if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
      return "image/webp";
    }
    throw new RejectedUploadException(
        RejectedUploadException.Reason.UNSUPPORTED_FORMAT,
        name
            + (bytes.length == 0 ? " is empty" : " is not a photo Facet can read")
            + ". Upload a "
            + SUPPORTED
            + " file.");
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    return bytes.length >= offset + prefix.length
        && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
  }
}
