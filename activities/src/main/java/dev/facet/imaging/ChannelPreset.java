package dev.facet.imaging;

/**
 * What one sales channel wants of a finished image. Adding a channel is adding one of these to
 * {@link ChannelPresets}.
 *
 * @param name the channel id used in requests and object keys, e.g. "amazon-main"
 * @param width output width in pixels
 * @param height output height in pixels
 * @param background background colour, packed sRGB; every background pixel is exactly this
 * @param targetFill longest side of the product over the frame side it lies along, as produced
 * @param minFill the channel's minimum fill, checked by QA
 * @param shadow whether to keep a soft contact shadow (false: product on a flat background)
 * @param quality JPEG quality, 0..1
 * @param sharpenAmount unsharp-mask strength, 0 to skip
 * @param sharpenSigma unsharp-mask radius (Gaussian σ, pixels of the output)
 */
public record ChannelPreset(
    String name,
    int width,
    int height,
    int background,
    double targetFill,
    double minFill,
    boolean shadow,
    float quality,
    double sharpenAmount,
    double sharpenSigma) {

  public ChannelPreset {
    if (minFill > targetFill || targetFill > 0.98) {
      throw new IllegalArgumentException(name + ": need minFill <= targetFill <= 0.98");
    }
  }

  public String mediaType() {
    return ImageFormat.JPEG.mediaType();
  }

  public String extension() {
    return "jpg";
  }

  /** width / height */
  public double aspect() {
    return (double) width / height;
  }
}
