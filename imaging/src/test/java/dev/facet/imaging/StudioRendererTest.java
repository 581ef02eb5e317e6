package dev.facet.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facet.imaging.matte.Matting;
import dev.facet.model.Box;
import dev.facet.model.Lab;
import org.junit.jupiter.api.Test;

/**
 * The renderer on a synthetic capture: a gold disc on warm grey paper with vignetting. (Its
 * calibration against the fixtures' studio ideals runs in StudioPipelineTest, on the real shots.)
 */
class StudioRendererTest {

  private static final int SIZE = 600;
  private static final int GOLD = RgbImage.pack(190, 150, 70);

  private final StudioRenderer renderer = new StudioRenderer(SIZE);

  /** 800x600 warm grey paper darkening to the corners, a gold disc of radius 120 left of centre. */
  static RgbImage capture() {
    int w = 800, h = 600;
    int[] px = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double r2 = (Math.pow(x - w / 2.0, 2) + Math.pow(y - h / 2.0, 2)) / (w * w / 4.0);
        double v = 1 - 0.3 * r2;
        boolean disc = Math.pow(x - 300, 2) + Math.pow(y - 300, 2) < 120 * 120;
        px[y * w + x] =
            disc ? GOLD : RgbImage.pack((int) (205 * v), (int) (198 * v), (int) (185 * v));
      }
    }
    return new RgbImage(w, h, px);
  }

  static Mask discMask() {
    boolean[] bits = new boolean[800 * 600];
    for (int y = 0; y < 600; y++)
      for (int x = 0; x < 800; x++)
        bits[y * 800 + x] = Math.pow(x - 300, 2) + Math.pow(y - 300, 2) < 120 * 120;
    return new Mask(800, 600, bits);
  }

  private RgbImage render(String backdrop, int kelvin, StudioRenderer.Variation v) {
    RgbImage photo = capture();
    return renderer
        .render(
            new Matting().find(photo),
            new StudioRenderer.Look(RgbImage.parseHex(backdrop), kelvin, 0.8, false),
            v)
        .image();
  }

  @Test
  void placesTheProductAtTheStylesScaleOnTheStylesBackdrop() {
    RgbImage out = render("#ffffff", 5500, StudioRenderer.Variation.standard());
    assertThat(out.width()).isEqualTo(SIZE);
    assertThat(out.height()).isEqualTo(SIZE);
    // Far from the product the backdrop is exactly the style's colour.
    assertThat(out.rgb(5, 5)).isEqualTo(0xFFFFFF);
    assertThat(out.rgb(SIZE - 5, 5)).isEqualTo(0xFFFFFF);
    Box box = productBox(out);
    assertThat(Math.max(box.width(), box.height()) / (double) SIZE).isCloseTo(0.8, within(0.03));
    assertThat(box.x() + box.width() / 2.0).isCloseTo(SIZE / 2.0, within(4.0));
    // Under the product the floor is shadowed.
    int belowY = box.y() + box.height() + 3;
    assertThat(ColourScience.lightness(out.rgb(SIZE / 2, Math.min(SIZE - 1, belowY))))
        .isLessThan(97);
  }

  @Test
  void goldStaysGoldAndTheLightTemperatureTints() {
    Lab daylight =
        ColourScience.lab(
            render("#ffffff", 5500, StudioRenderer.Variation.standard()).rgb(SIZE / 2, SIZE / 2));
    Lab tungsten =
        ColourScience.lab(
            render("#ffffff", 3200, StudioRenderer.Variation.standard()).rgb(SIZE / 2, SIZE / 2));
    Lab captured = ColourScience.lab(GOLD);
    double hue = Math.toDegrees(Math.atan2(daylight.b(), daylight.a()));
    assertThat(hue).isCloseTo(Math.toDegrees(Math.atan2(captured.b(), captured.a())), within(8.0));
    assertThat(tungsten.b()).isGreaterThan(daylight.b() + 5);
  }

  @Test
  void theSameVariationGivesTheSamePictureAndAnotherOneDoesNot() {
    StudioRenderer.Variation a = StudioRenderer.Variation.seeded(42),
        b = StudioRenderer.Variation.seeded(43);
    assertThat(StudioRenderer.Variation.seeded(42)).isEqualTo(a);
    assertThat(render("#f4f1ec", 5500, a).pixels()).isEqualTo(render("#f4f1ec", 5500, a).pixels());
    assertThat(render("#f4f1ec", 5500, b).pixels())
        .isNotEqualTo(render("#f4f1ec", 5500, a).pixels());
    assertThat(render("#f4f1ec", 5500, a).rgb(2, 2)).isEqualTo(0xF4F1EC);
  }

  private static Box productBox(RgbImage image) {
    boolean[] bits = new boolean[image.pixels().length];
    for (int i = 0; i < bits.length; i++) {
      Lab lab = ColourScience.lab(image.pixels()[i]);
      bits[i] = Math.hypot(lab.a(), lab.b()) > 15;
    }
    return new Mask(image.width(), image.height(), bits).box().orElseThrow();
  }
}
