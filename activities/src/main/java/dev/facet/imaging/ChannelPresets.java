package dev.facet.imaging;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The channel presets Facet knows, by name. */
public final class ChannelPresets {

  /**
   * Amazon MAIN image: pure white (255, 255, 255) background, product at least 85 % of the frame's
   * longest side, longest side at least 1,600 px for zoom (2,000 used), JPEG in sRGB.
   */
  public static final ChannelPreset AMAZON_MAIN =
      new ChannelPreset("amazon-main", 2000, 2000, 0xFFFFFF, 0.88, 0.85, true, 0.92f, 0.6, 1.0);

  /**
   * The master every other export can be made from: 2,000 px square (fits Amazon's, Etsy's,
   * Shopify's, eBay's and Google's guidance at once), white, with the studio's framing and a higher
   * JPEG quality. White rather than the style's backdrop: the post-process request carries no style,
   * and white is what every channel accepts.
   */
  public static final ChannelPreset MASTER =
      new ChannelPreset("master", 2000, 2000, 0xFFFFFF, 0.80, 0.70, true, 0.95f, 0.4, 1.0);

  private final Map<String, ChannelPreset> byName = new TreeMap<>();

  public ChannelPresets(ChannelPreset... presets) {
    for (ChannelPreset p : presets) byName.put(p.name(), p);
  }

  public static ChannelPresets defaults() {
    return new ChannelPresets(AMAZON_MAIN, MASTER);
  }

  public Optional<ChannelPreset> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public java.util.Set<String> names() {
    return byName.keySet();
  }
}
