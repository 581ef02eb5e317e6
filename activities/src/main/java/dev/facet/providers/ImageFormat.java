package dev.facet.providers;

/**
 * Output formats Facet asks providers for. WebP is left out although both providers offer it: the
 * JDK's ImageIO cannot read it, and every later step decodes the candidate.
 */
public enum ImageFormat {
  PNG("png", "image/png", "png"),
  JPEG("jpeg", "image/jpeg", "jpg");

  private final String apiName;
  private final String mediaType;
  private final String extension;

  ImageFormat(String apiName, String mediaType, String extension) {
    this.apiName = apiName;
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /** The {@code output_format} value both APIs use. */
  public String apiName() {
    return apiName;
  }

  public String mediaType() {
    return mediaType;
  }

  /** File extension of the stored candidate. */
  public String extension() {
    return extension;
  }
}
