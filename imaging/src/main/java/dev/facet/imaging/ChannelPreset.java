package dev.facet.imaging;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one sales channel wants of a finished image. Presets are data: {@link ChannelPresets} loads
 * them from {@code channel-presets.json} and an optional user file.
 *
 * @param name the channel id used in requests and object keys, e.g. "amazon-main"
 * @param about where the numbers come from, for people reading the file
 * @param width output width in pixels
 * @param height output height in pixels
 * @param minLongSide the channel's smallest acceptable longest side, checked by QA
 * @param background background colour, packed sRGB; every background pixel is exactly this
 * @param targetFill longest side of the product over the frame side it lies along, as produced
 * @param minFill the channel's minimum fill, checked by QA
 * @param shadow whether to stage the product over a soft contact shadow (false: on a flat
 *     background)
 * @param reflection whether to add a faint floor reflection under the product
 * @param format {@link ImageFormat#JPEG} or {@link ImageFormat#WEBP}
 * @param quality lossy encoding quality, 0..1
 * @param sharpenAmount unsharp-mask strength, 0 to skip
 * @param sharpenSigma unsharp-mask radius (Gaussian σ, pixels of the output)
 * @param qa what the channel does with each check; checks not listed get their {@link
 *     QaCheckName#defaultRule()}
 */
public record ChannelPreset(
    String name,
    String about,
    int width,
    int height,
    int minLongSide,
    int background,
    double targetFill,
    double minFill,
    boolean shadow,
    boolean reflection,
    ImageFormat format,
    float quality,
    double sharpenAmount,
    double sharpenSigma,
    Map<QaCheckName, QaRule> qa) {

  public ChannelPreset {
    qa = qa.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(qa));
  }

  public QaRule rule(QaCheckName check) {
    return qa.getOrDefault(check, check.defaultRule());
  }

  public String mediaType() {
    return format.mediaType();
  }

  public String extension() {
    return format.extension();
  }

  /** width / height */
  public double aspect() {
    return (double) width / height;
  }
}
