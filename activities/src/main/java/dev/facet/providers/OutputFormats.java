package dev.facet.providers;

import dev.facet.imaging.ImageFormat;
import java.util.Set;

/**
 * The formats Facet asks providers for: PNG (the default) or JPEG, as before the two ImageFormat
 * enums became one. Both APIs offer WebP too; asking for it is a change of its own (the provider
 * tests do not cover a WebP candidate).
 */
public final class OutputFormats {

  private static final Set<ImageFormat> ASKED = Set.of(ImageFormat.PNG, ImageFormat.JPEG);

  private OutputFormats() {}

  /** {@code format}, PNG when absent; refuses one Facet does not ask for. */
  public static ImageFormat orDefault(ImageFormat format) {
    if (format == null) {
      return ImageFormat.PNG;
    }
    if (!ASKED.contains(format)) {
      throw new IllegalArgumentException("outputFormat must be PNG or JPEG, was " + format);
    }
    return format;
  }
}
