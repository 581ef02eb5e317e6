package dev.facet.catalog;

import java.nio.file.Path;

/**
 * A reference photo on disk.
 *
 * @param path relative to the catalog file while parsing, absolute once read
 * @param angle the seller's angle tag, e.g. "front"; may be empty
 */
public record PhotoSource(Path path, String angle) {

  /** Parses {@code path} or {@code path@angle}. */
  static PhotoSource parse(String text) {
    String trimmed = text.strip();
    int at = trimmed.lastIndexOf('@');
    if (at < 0) {
      return new PhotoSource(Path.of(trimmed), "");
    }
    return new PhotoSource(
        Path.of(trimmed.substring(0, at).strip()), trimmed.substring(at + 1).strip());
  }
}
