package dev.facet.imaging;

/**
 * The bars of the automated QA. QaCalibrationTest measures them on faithful finished images of the
 * six fixture pieces against deliberately altered copies and prints every check's recall, precision
 * and false-reject rate; the numbers quoted below for metal tone, silhouette and sharpness are from
 * the earlier fixture test and are not all borne out by that run (it finds silhouette and stone tone
 * rejecting many faithful images).
 *
 * @param metalToneMax {@link MetalTone} ΔE2000 against the signature. Research proposes ≤ 2 for
 *     hero images and ≤ 3 for lifestyle; the six faithful outputs measure 0.1–1.9, a yellow → rose
 *     recolour 17, so 3 leaves room for the measurement's own noise.
 * @param stoneToneMax the same measure for the stones' median colour.
 * @param silhouetteMin {@link Silhouette} agreement with the closest reference. Full-size finishes
 *     of the studio photos measure 0.94–0.99 against their captures (the half-size calibration
 *     finishes down to 0.81); mirrored pieces 0.69–0.84, except the bangle, whose mirror image has
 *     the same outline; a piece squeezed to 70 % width at most 0.82.
 * @param detailMax {@link DetailMap#difference} against the closest reference.
 * @param sharpnessRatioMin product sharpness over the references' median. Faithful (sharpened)
 *     outputs read 1.1–1.4, the same image blurred by σ = 4 px at 2,000 px 0.06. Research proposes
 *     0.8 for a like-for-like comparison; generated images are not like-for-like, so 0.5.
 * @param borderPurityMin share of exactly-background pixels in the 1 % border band: all of them
 *     (Amazon suppressed a listing at 254, 254, 253).
 * @param backgroundPurityMin share of exactly-background pixels in the background away from the
 *     product and its shadow (research proposes 99.5 %).
 * @param textMax {@link TextDetector#strokesPerMille} of the background.
 * @param blockinessMax {@link Blockiness#of} the decoded file.
 */
public record QaThresholds(
    double metalToneMax,
    double stoneToneMax,
    double silhouetteMin,
    double detailMax,
    double sharpnessRatioMin,
    double borderPurityMin,
    double backgroundPurityMin,
    double textMax,
    double blockinessMax) {

  public static QaThresholds defaults() {
    return new QaThresholds(3.0, 6.0, 0.88, 1.0, 0.5, 1.0, 0.995, 0.5, 1.3);
  }
}
