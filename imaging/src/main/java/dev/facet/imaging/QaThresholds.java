package dev.facet.imaging;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The bars of the automated QA. They are configuration, not code: the built-in {@code
 * qa-thresholds.json} holds each value with the calibration that chose it, and a user file may set
 * any of them by name.
 *
 * @param metalToneMax {@link MetalTone} ΔE2000 against the signature
 * @param stoneToneMax the same measure for the stones' median colour
 * @param silhouetteMin {@link Silhouette} agreement with the closest reference
 * @param completenessMax largest part of the piece showing bare background ({@link Completeness}),
 *     share of the piece
 * @param extraPartsMax largest part of the piece the closest reference does not have ({@link
 *     ExtraParts}), share of the piece
 * @param partsChangesMax separate parts and enclosed openings gained or lost against the closest
 *     reference ({@link Topology})
 * @param thicknessMax how much wider the metal is than the closest reference's ({@link Thickness}),
 *     share of the piece's size
 * @param detailMax largest stone lost, added or recoloured against the closest reference ({@link
 *     Stones}), in stones
 * @param sharpnessRatioMin product sharpness over the references' median
 * @param borderPurityMin share of exactly-background pixels in the 1 % border band
 * @param backgroundPurityMin share of exactly-background pixels away from product and shadow
 * @param debrisMax dark fragments in the background ({@link Debris}), share of the product's area
 * @param textMax {@link TextDetector#strokesPerMille} of the background
 * @param blockinessMax {@link Blockiness#of} the decoded file
 */
public record QaThresholds(
    double metalToneMax,
    double stoneToneMax,
    double silhouetteMin,
    double completenessMax,
    double extraPartsMax,
    double partsChangesMax,
    double thicknessMax,
    double detailMax,
    double sharpnessRatioMin,
    double borderPurityMin,
    double backgroundPurityMin,
    double debrisMax,
    double textMax,
    double blockinessMax) {

  static final String RESOURCE = "/dev/facet/imaging/qa-thresholds.json";

  /** The built-in thresholds. */
  public static QaThresholds defaults() {
    return CalibratedValues.builtIn(QaThresholds.class, RESOURCE);
  }

  /** The built-in thresholds with those {@code userFile} sets; an unknown name is an error. */
  public static QaThresholds withUserFile(Path userFile) {
    return CalibratedValues.withUserFile(QaThresholds.class, userFile, defaults());
  }

  public static QaThresholds of(Optional<Path> userFile) {
    return userFile.map(QaThresholds::withUserFile).orElseGet(QaThresholds::defaults);
  }
}
