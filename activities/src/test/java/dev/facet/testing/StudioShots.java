package dev.facet.testing;

import dev.facet.imaging.ImageEncoder;
import dev.facet.imaging.RgbImage;
import dev.facet.imaging.StudioRenderer;
import dev.facet.imaging.matte.Matting;

/** Finished-looking studio photos of the fixture pieces, in a chosen look, as JPEG bytes. */
public final class StudioShots {

  /** The white studio look: white backdrop, daylight, product at 80 % of the frame. */
  public static final StudioRenderer.Look WHITE =
      new StudioRenderer.Look(RgbImage.parseHex("#ffffff"), 5500, 0.80, false);

  private static final int SIZE = 1000;

  private StudioShots() {}

  /**
   * @param capture a fixture capture, e.g. "P01_capture_1"
   */
  public static byte[] jpeg(String capture, StudioRenderer.Look look) {
    RgbImage photo = Fixtures.photo(capture);
    RgbImage rendered =
        new StudioRenderer(SIZE)
            .render(new Matting().find(photo), look, StudioRenderer.Variation.standard())
            .image();
    return ImageEncoder.jpeg(rendered, 0.92f);
  }
}
