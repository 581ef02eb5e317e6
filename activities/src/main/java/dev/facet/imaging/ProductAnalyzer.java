package dev.facet.imaging;

import java.util.Optional;

/** Finds and measures the product in a finished or generated image (a studio-like backdrop). */
public final class ProductAnalyzer {

  /** Generated and finished images are analysed at this size: their backdrops are clean. */
  static final int WORKING_SIDE = 1024;

  private final ProductSegmenter segmenter = new ProductSegmenter(WORKING_SIDE);
  private final ProductMeasurer measurer = new ProductMeasurer();

  /**
   * @param mask the product
   * @param backdrop the backdrop found around it
   * @param measurements empty when no product was found
   */
  public record Analysis(Mask mask, BackdropModel backdrop, Optional<ProductMeasurer.Measurements> measurements) {}

  public Analysis analyse(RgbImage image) {
    ProductSegmenter.Segmentation s = segmenter.segment(image);
    Optional<ProductMeasurer.Measurements> m =
        s.mask().count() == 0 ? Optional.empty() : Optional.of(measurer.measure(image, s.mask(), s.backdrop()));
    return new Analysis(s.mask(), s.backdrop(), m);
  }
}
