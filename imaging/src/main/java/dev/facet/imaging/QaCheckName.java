package dev.facet.imaging;

import java.util.Arrays;
import java.util.Optional;

/**
 * The automated checks by the names reviewers, reports and the presets file use. One list, so a
 * preset cannot name a check that does not exist.
 */
public enum QaCheckName {
  PRODUCT("product"),
  METAL_TONE("metal-tone"),
  /**
   * Warns unless a preset says otherwise: on the calibration set (QaCalibrationTest) faithful
   * images read up to ΔE 15 (small stones mirror the metal and the backdrop) while recoloured
   * stones can read 10, so no bar on the median separates them. {@link #DETAIL} blocks a recolour
   * instead, by a hue none of the references shows.
   */
  STONE_TONE("stone-tone", QaRule.WARN),
  SILHOUETTE("silhouette"),
  /**
   * Parts of the piece the closest reference shows and this image does not (holes, missing parts).
   */
  COMPLETENESS("completeness"),
  /**
   * Parts the image's piece has and the closest reference does not (a watermark across it, a prop).
   */
  EXTRA_PARTS("extra-parts"),
  /**
   * Separate parts and enclosed openings that differ from the closest reference's (a band cut
   * through).
   */
  PARTS("parts"),
  /** Metal thicker than in the closest reference. */
  THICKNESS("thickness"),
  /** Stones lost, added or recoloured against the closest reference. */
  DETAIL("detail"),
  SHARPNESS("sharpness"),
  FILL("fill"),
  IN_FRAME("in-frame"),
  BACKGROUND("background"),
  BACKGROUND_BORDER("background-border"),
  /** Shadow fragments, paper or dust left in the background. */
  DEBRIS("debris"),
  TEXT("text"),
  COMPRESSION("compression"),
  SIZE("size"),
  ASPECT("aspect");

  private final String id;
  private final QaRule defaultRule;

  QaCheckName(String id) {
    this(id, QaRule.BLOCK);
  }

  QaCheckName(String id, QaRule defaultRule) {
    this.id = id;
    this.defaultRule = defaultRule;
  }

  /** What a channel does with this check when its preset does not say. */
  public QaRule defaultRule() {
    return defaultRule;
  }

  public String id() {
    return id;
  }

  public static Optional<QaCheckName> of(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }
}
