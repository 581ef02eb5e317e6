package dev.facet.app.uploads;

/**
 * Decides whether uploaded bytes are a photo Facet can work with: the single seam for upload
 * validation, {@link ReferencePhotoInspector} in production.
 */
@FunctionalInterface
public interface UploadInspector {

  /**
   * @param name what to call the photo in messages, e.g. "photo 2 (ring-side.jpg)"
   * @return the photo's media type, e.g. {@code image/jpeg}
   * @throws RejectedUploadException with reason {@code UNSUPPORTED_FORMAT} or {@code UNUSABLE}
   */
  String inspect(String name, byte[] bytes);
}
