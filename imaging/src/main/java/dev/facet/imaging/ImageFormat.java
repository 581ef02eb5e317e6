package dev.facet.imaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Facet's image formats: of uploaded photos (recognised from their leading bytes, never from a file
 * name; some only to say clearly that they are not supported), of generated candidates and of
 * finished images.
 */
public enum ImageFormat {
  JPEG("JPEG", "image/jpeg", "jpg", true),
  PNG("PNG", "image/png", "png", true),
  WEBP("WebP", "image/webp", "webp", true),
  HEIC("HEIC/HEIF", "image/heic", "heic", false),
  AVIF("AVIF", "image/avif", "avif", false),
  TIFF("TIFF", "image/tiff", "tiff", false),
  GIF("GIF", "image/gif", "gif", false),
  BMP("BMP", "image/bmp", "bmp", false);

  private final String displayName;
  private final String mediaType;
  private final String extension;
  private final boolean supported;

  ImageFormat(String displayName, String mediaType, String extension, boolean supported) {
    this.displayName = displayName;
    this.mediaType = mediaType;
    this.extension = extension;
    this.supported = supported;
  }

  public String displayName() {
    return displayName;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The media type's subtype: {@code jpeg}, {@code png}, … (the providers' output_format). */
  public String subtype() {
    return mediaType.substring(mediaType.indexOf('/') + 1);
  }

  /** The file extension Facet stores the format under. */
  public String extension() {
    return extension;
  }

  public boolean supported() {
    return supported;
  }

  /** "JPEG, PNG or WebP", for messages. */
  public static String supportedNames() {
    List<String> names =
        Arrays.stream(values())
            .filter(ImageFormat::supported)
            .map(ImageFormat::displayName)
            .toList();
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or "
        + names.get(names.size() - 1);
  }

  /** The format the bytes start with, if any this enum knows. */
  public static Optional<ImageFormat> sniff(byte[] b) {
    if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(WEBP);
    }
    if (startsWith(b, 4, 'f', 't', 'y', 'p') && b.length >= 12) {
      String brand = new String(b, 8, 4, StandardCharsets.US_ASCII);
      if (brand.startsWith("avi")) {
        return Optional.of(AVIF);
      }
      if (List.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1").contains(brand)) {
        return Optional.of(HEIC);
      }
    }
    if (startsWith(b, 0, 'I', 'I', 42, 0) || startsWith(b, 0, 'M', 'M', 0, 42)) {
      return Optional.of(TIFF);
    }
    if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
      return Optional.of(GIF);
    }
    if (startsWith(b, 0, 'B', 'M') && b.length > 26) {
      return Optional.of(BMP);
    }
    return Optional.empty();
  }

  /**
   * What bytes that are no image seem to be, in words for a seller: "text (text/plain)", "a PDF
   * document", … or "data of an unknown kind".
   */
  public static String describeNonImage(byte[] b) {
    if (startsWith(b, 0, '%', 'P', 'D', 'F')) {
      return "a PDF document (application/pdf)";
    }
    if (startsWith(b, 0, 'P', 'K', 3, 4)) {
      return "a ZIP archive (application/zip)";
    }
    if (looksLikeText(b)) {
      String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.UTF_8).trim();
      String lower = head.toLowerCase(Locale.ROOT);
      if (lower.startsWith("<svg") || (lower.startsWith("<?xml") && lower.contains("<svg"))) {
        return "an SVG drawing (image/svg+xml), not a photo";
      }
      if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
        return "a web page (text/html)";
      }
      if (lower.startsWith("{") || lower.startsWith("[")) {
        return "JSON text (application/json)";
      }
      return "text (text/plain)";
    }
    return "data of an unknown kind";
  }

  private static boolean looksLikeText(byte[] b) {
    int n = Math.min(b.length, 4096);
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xFF;
      if (c < 0x09 || (c > 0x0D && c < 0x20 && c != 0x1B) || c == 0x7F) {
        return false;
      }
    }
    return n > 0;
  }

  private static boolean startsWith(byte[] b, int offset, int... expected) {
    if (b.length < offset + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if ((b[offset + i] & 0xFF) != (expected[i] & 0xFF)) {
        return false;
      }
    }
    return true;
  }
}
