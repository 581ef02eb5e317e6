package dev.facet.model;

/**
 * A seller's photo as uploaded, before validation.
 *
 * @param key object key of the uploaded bytes
 * @param angle what the photo shows, matched against {@link ShotSpec#referenceAngle()}; may be
 *     empty
 */
public record ReferencePhoto(String key, String angle) {

  public ReferencePhoto {
    angle = angle == null ? "" : angle;
  }
}
