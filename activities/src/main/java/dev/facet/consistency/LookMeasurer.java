package dev.facet.consistency;

import dev.facet.imaging.ColourScience;
import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.Mask;
import dev.facet.imaging.Resampler;
import dev.facet.imaging.RgbImage;
import dev.facet.imaging.matte.Matting;
import dev.facet.model.Box;
import java.io.IOException;

/** Measures a finished photo's {@link Look}: backdrop value and colour, and product scale. */
public final class LookMeasurer implements LookMeasure {

  /** Looks are compared, not printed: a downscaled photo measures them as well and fast. */
  private static final int SIDE = 512;

  private final Matting matting = new Matting();

  @Override
  public Look measure(String sku, String key, byte[] photo) throws IOException {
    RgbImage image = Resampler.fitWithin(ImageDecoder.decode(photo), SIDE);
    Mask product = matting.coarse(image).mask();
    Box box =
        product.box().orElseThrow(() -> new IllegalArgumentException("no product found in " + key));
    double[] backdrop = meanLinearOutside(image, product);
    double[] lab = new double[3];
    ColourScience.linearToLab(backdrop[0], backdrop[1], backdrop[2], lab);
    double scale = (double) Math.max(box.width(), box.height()) / image.longSide();
    return new Look(sku, key, lab[0], kelvin(backdrop), scale);
  }

  private static double[] meanLinearOutside(RgbImage image, Mask product) {
    double r = 0, g = 0, b = 0;
    long n = 0;
    int[] pixels = image.pixels();
    boolean[] inside = product.bits();
    for (int i = 0; i < pixels.length; i++) {
      if (!inside[i]) {
        r += ColourScience.linear(RgbImage.red(pixels[i]));
        g += ColourScience.linear(RgbImage.green(pixels[i]));
        b += ColourScience.linear(RgbImage.blue(pixels[i]));
        n++;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException(
          "the product fills the whole frame: no backdrop to measure");
    }
    return new double[] {r / n, g / n, b / n};
  }

  /** McCamy's approximation of the correlated colour temperature from linear sRGB (D65). */
  static double kelvin(double[] linear) {
    double x = 0.4124 * linear[0] + 0.3576 * linear[1] + 0.1805 * linear[2];
    double y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    double z = 0.0193 * linear[0] + 0.1192 * linear[1] + 0.9505 * linear[2];
    double sum = x + y + z;
    if (sum <= 0) {
      return Double.NaN;
    }
    double n = (x / sum - 0.3320) / (0.1858 - y / sum);
    return 449 * n * n * n + 3525 * n * n + 6823.3 * n + 5520.33;
  }
}
