package dev.facet.manifest;

import java.util.Locale;
import java.util.Optional;

/** The two ways to write a manifest, told apart by the file name's extension. */
public enum ManifestFormat {
  CSV("csv", "text/csv"),
  JSON("json", "application/json");

  private final String extension;
  private final String mediaType;

  ManifestFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  /** The format a file name (or object key) ending in {@code .csv} or {@code .json} has. */
  public static Optional<ManifestFormat> of(String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    for (ManifestFormat format : values()) {
      if (lower.endsWith("." + format.extension)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }
}
