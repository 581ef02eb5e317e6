package dev.facet.testing;

import dev.facet.imaging.ImageEncoder;
import dev.facet.imaging.ProductSegmenter;
import dev.facet.imaging.RgbImage;
import dev.facet.imaging.StudioRenderer;

/** Finished-looking studio photos of the fixture pieces, in a chosen look, as JPEG bytes. */
public final class StudioShots {

  /** The white studio look: white backdrop, daylight, product at 80 % of the frame. */
  public static final StudioRenderer.Look WHITE =
      new StudioRenderer.Look(RgbImage.parseHex("#ffffff"), 5500, 0.80, false);

  private static final int SIZE = 1000;

  private StudioShots() {}

  /** @param capture a fixture capture, e.g. "P01_capture_1" */
  public static byte[] jpeg(String capture, StudioRenderer.Look look) {
    RgbImage photo = Fixtures.photo(capture);
    ProductSegmenter.Segmentation product = new ProductSegmenter(SIZE).segment(photo);
    RgbImage rendered =
        new StudioRenderer(SIZE)
            .render(photo, product.mask(), product.backdrop(), look, StudioRenderer.Variation.standard());
    return ImageEncoder.jpeg(rendered, 0.92f);
  }
}
