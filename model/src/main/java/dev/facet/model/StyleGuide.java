package dev.facet.model;

import java.util.List;

/**
 * The look shared by every product of a collection.
 *
 * @param name e.g. "white-studio"
 * @param backdrop backdrop colour as {@code #rrggbb}
 * @param lightKelvin key light colour temperature
 * @param productScale share of the frame's longest side the product should fill, 0..1
 * @param reflection whether to draw a faint floor reflection under the product
 * @param shots the pictures to make of every product
 * @param seed base seed, so reruns render the same variants
 */
public record StyleGuide(
    String name,
    String backdrop,
    int lightKelvin,
    double productScale,
    boolean reflection,
    List<ShotSpec> shots,
    long seed) {

  public StyleGuide {
    shots = List.copyOf(shots);
  }

  public static StyleGuide whiteStudio() {
    return new StyleGuide(
        "white-studio",
        "#ffffff",
        5500,
        0.80,
        false,
        List.of(
            new ShotSpec("hero", "three-quarter front view, camera slightly above", "front"),
            new ShotSpec("profile", "side view at eye level", "side")),
        20_261_128L);
  }
}
