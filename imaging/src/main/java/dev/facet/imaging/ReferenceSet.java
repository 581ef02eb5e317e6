package dev.facet.imaging;

import dev.facet.imaging.matte.Matting;
import dev.facet.imaging.matte.ProductMatte;
import dev.facet.model.ColourSignature;
import dev.facet.model.Lab;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference photos measured the way capture measures them, for QA outside a shoot (the audit
 * command, calibration): each photo's product at a fixed size, the colour signature and the
 * references' median sharpness.
 */
public record ReferenceSet(ColourSignature signature, List<ProductView> views, double sharpness) {

  /**
   * @param photos upright reference photos
   * @throws IllegalArgumentException naming the photo (from 1) in which no product was found
   */
  public static ReferenceSet of(List<RgbImage> photos) {
    Matting matting = new Matting();
    ProductMeasurer measurer = new ProductMeasurer();
    List<Lab> metals = new ArrayList<>(), stones = new ArrayList<>();
    List<ProductView> views = new ArrayList<>();
    double[] sharpness = new double[photos.size()];
    for (int i = 0; i < photos.size(); i++) {
      RgbImage photo = photos.get(i);
      ProductMatte s = matting.find(photo);
      Mask mask = s.mask();
      if (s.isEmpty()) {
        throw new IllegalArgumentException(
            "reference " + (i + 1) + ": no product found against the backdrop");
      }
      ProductMeasurer.Measurements m = measurer.measure(photo, mask, s.backdrop());
      metals.add(m.metal());
      stones.add(m.stone());
      sharpness[i] = m.sharpness();
      views.add(ProductView.of(photo, mask));
    }
    return new ReferenceSet(Medians.signature(metals, stones), views, Medians.of(sharpness));
  }

  public QualityInspector.Expectations expectations(ChannelPreset preset) {
    return new QualityInspector.Expectations(preset, signature, views, sharpness);
  }
}
