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
  STONE_TONE("stone-tone"),
  SILHOUETTE("silhouette"),
  DETAIL("detail"),
  SHARPNESS("sharpness"),
  FILL("fill"),
  IN_FRAME("in-frame"),
  BACKGROUND("background"),
  BACKGROUND_BORDER("background-border"),
  TEXT("text"),
  COMPRESSION("compression"),
  SIZE("size"),
  ASPECT("aspect");

  private final String id;

  QaCheckName(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static Optional<QaCheckName> of(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }
}
