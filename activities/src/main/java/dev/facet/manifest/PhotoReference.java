package dev.facet.manifest;

/**
 * A reference photo as a manifest names it. What {@code reference} means is up to the reader: a
 * path relative to the catalog file for {@code run}, an object key for a catalog started through
 * the API.
 *
 * @param angle the seller's angle tag, e.g. "front"; may be empty
 */
public record PhotoReference(String reference, String angle) {

  public PhotoReference {
    reference = reference == null ? "" : reference.strip();
    angle = angle == null ? "" : angle.strip();
  }

  /** Parses {@code reference} or {@code reference@angle}. */
  static PhotoReference parse(String text) {
    String trimmed = text.strip();
    int at = trimmed.lastIndexOf('@');
    if (at < 0) {
      return new PhotoReference(trimmed, "");
    }
    return new PhotoReference(trimmed.substring(0, at), trimmed.substring(at + 1));
  }

  /** The {@code reference@angle} form, as the manifest's CSV and JSON write it. */
  @Override
  public String toString() {
    return angle.isEmpty() ? reference : reference + "@" + angle;
  }
}
