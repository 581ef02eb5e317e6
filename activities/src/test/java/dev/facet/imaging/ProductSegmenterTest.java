package dev.facet.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.model.Lab;
import dev.facet.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Mask and colour accuracy on every fixture capture against the manifest's ground truth: one pass
 * over the 18 photos, printing the table the numbers in the report come from.
 */
class ProductSegmenterTest {

  private final ProductSegmenter segmenter = new ProductSegmenter();
  private final ProductMeasurer measurer = new ProductMeasurer();

  @Test
  void masksAndMetalColoursAgreeWithTheGroundTruth() {
    List<Double> ious = new ArrayList<>(), deltas = new ArrayList<>();
    System.out.println("capture        IoU    fill (truth)    metal ΔE2000  stone");
    for (String name : Fixtures.captures()) {
      RgbImage photo = Fixtures.photo(name);
      ProductSegmenter.Segmentation s = segmenter.segment(photo);
      ProductMeasurer.Measurements m = measurer.measure(photo, s.mask(), s.backdrop());
      double iou = s.mask().iou(Fixtures.groundTruthMask(name));
      double de = ColourScience.deltaE2000(m.metal(), Fixtures.measuredMetal(name));
      ious.add(iou);
      deltas.add(de);
      System.out.printf(Locale.ROOT, "%s  %.3f  %.3f (%.3f)  %5.2f        %s%n",
          name, iou, m.fill(), Fixtures.file(name + ".jpg").at("/measured/fill").asDouble(), de,
          m.stone() == null ? "none" : lab(m.stone()));
    }
    System.out.printf(Locale.ROOT, "mean IoU %.3f, min %.3f; metal ΔE2000 median %.2f, mean %.2f, max %.2f%n",
        mean(ious), ious.stream().mapToDouble(d -> d).min().orElse(0), median(deltas), mean(deltas),
        deltas.stream().mapToDouble(d -> d).max().orElse(0));

    // Where the masks stand today: 15 of 18 captures at 0.82 or better, the bangle on grey
    // (P05) and one stud view lower. A regression anywhere trips these.
    assertThat(mean(ious)).isGreaterThan(0.89);
    assertThat(ious).allSatisfy(v -> assertThat(v).isGreaterThan(0.70));
    assertThat(ious.stream().filter(v -> v >= 0.85).count()).isGreaterThanOrEqualTo(12);
    // Most captures land within ~2 of the manifest; P05_capture_3's mask misses the bangle's
    // bright outer face (IoU 0.72), which drags its metal darker: the cap below is that outlier's.
    assertThat(median(deltas)).isLessThan(2.5);
    assertThat(deltas).allSatisfy(d -> assertThat(d).isLessThan(14.0));
  }

  private static String lab(Lab lab) {
    return String.format(Locale.ROOT, "(%.1f, %.1f, %.1f)", lab.l(), lab.a(), lab.b());
  }

  private static double mean(List<Double> v) {
    return v.stream().mapToDouble(d -> d).average().orElse(0);
  }

  private static double median(List<Double> v) {
    return v.stream().sorted().toList().get(v.size() / 2);
  }
}
