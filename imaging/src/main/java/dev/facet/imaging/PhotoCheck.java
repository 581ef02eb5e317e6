package dev.facet.imaging;

import java.util.List;
import java.util.Optional;

/**
 * What {@link PhotoValidator} found.
 *
 * @param image the photo upright and in 8-bit sRGB, or {@code null} when it could not be decoded
 * @param format the sniffed format, or {@code null} when the bytes are no known image
 * @param findings errors and warnings, errors first
 * @param stats the measurements behind the pixel checks, or {@code null} when not decoded
 */
public record PhotoCheck(
    RgbImage image, ImageFormat format, List<Finding> findings, PhotoStats stats) {

  public PhotoCheck {
    findings = List.copyOf(findings);
  }

  public boolean accepted() {
    return errors().isEmpty();
  }

  public List<Finding> errors() {
    return findings.stream().filter(Finding::isError).toList();
  }

  public List<Finding> warnings() {
    return findings.stream().filter(f -> !f.isError()).toList();
  }

  public Optional<RgbImage> decoded() {
    return Optional.ofNullable(image);
  }

  /**
   * @param detail {@link Sharpness#detail}
   * @param brightestLightness 99th-percentile L*
   * @param darkestLightness 1st-percentile L*
   */
  public record PhotoStats(double detail, double brightestLightness, double darkestLightness) {}
}
