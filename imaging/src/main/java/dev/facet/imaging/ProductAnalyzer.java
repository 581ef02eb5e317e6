package dev.facet.imaging;

import dev.facet.imaging.matte.Matting;
import java.util.Optional;

/**
 * Finds and measures the product in a generated or finished image. Such images have clean studio
 * backdrops, so everything runs on the matte's working copy (1,024 px): masks, colours and
 * sharpness (itself measured at a fixed product size) come out the same, four times faster than at
 * 2,000 px.
 */
public final class ProductAnalyzer {

  private final Matting matting = new Matting();
  private final ProductMeasurer measurer = new ProductMeasurer();

  /**
   * @param image the working copy the product was found on
   * @param mask the product, at the working size
   * @param backdrop the backdrop found around it, at the working size
   * @param measurements empty when no product was found; box and fill at the working size
   */
  public record Analysis(
      RgbImage image,
      Mask mask,
      BackdropModel backdrop,
      Optional<ProductMeasurer.Measurements> measurements) {

    /** The mask at another size, e.g. the image's own. */
    public Mask maskAt(int width, int height) {
      return mask.resized(width, height);
    }
  }

  public Analysis analyse(RgbImage image) {
    Matting.Found found = matting.coarse(image);
    Optional<ProductMeasurer.Measurements> m =
        found.mask().count() == 0
            ? Optional.empty()
            : Optional.of(measurer.measure(found.image(), found.mask(), found.backdrop()));
    return new Analysis(found.image(), found.mask(), found.backdrop(), m);
  }
}
