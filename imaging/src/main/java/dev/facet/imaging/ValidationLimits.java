package dev.facet.imaging;

/**
 * The bars a reference photo must clear. The blur and exposure numbers were calibrated on the
 * fixtures: every P01–P06 capture passes without warnings, bad/blurred.jpg and
 * bad/under_exposed.jpg fail (PhotoValidatorTest prints the measurements).
 *
 * @param maxMegapixels larger declared sizes are refused before decoding (decompression bombs)
 * @param minShortSide fewer pixels on the shorter side than this are too small to work from
 * @param blurredBelow {@link Sharpness#detail} under this is an error. Captures measure
 *     1,460–5,760, the σ=14 px blurred one 2.5; sensor noise alone reads ~100, so this sits just
 *     above noise.
 * @param softBelow {@link Sharpness#detail} under this is a warning
 * @param underExposedBelow 99th-percentile L* under this is an error: even the brightest parts of
 *     the picture are dark. Captures read 82–86, the −3.8 EV one 27. (A dark velvet backdrop keeps
 *     bright highlights on the metal, so it does not trip this.)
 * @param darkBelow 99th-percentile L* under this is a warning
 * @param overExposedAbove 1st-percentile L* above this is an error: even the darkest parts are
 *     washed out, so the metal has lost its reflections. Captures read 22–44, a capture pushed +3
 *     EV 87.
 * @param brightAbove 1st-percentile L* above this is a warning
 * @param lowContrastBelow L* range (99th − 1st percentile) under this is a warning
 */
public record ValidationLimits(
    double maxMegapixels,
    int minShortSide,
    double blurredBelow,
    double softBelow,
    double underExposedBelow,
    double darkBelow,
    double overExposedAbove,
    double brightAbove,
    double lowContrastBelow) {

  public static ValidationLimits defaults() {
    return new ValidationLimits(60, 800, 100, 400, 50, 62, 85, 72, 25);
  }
}
