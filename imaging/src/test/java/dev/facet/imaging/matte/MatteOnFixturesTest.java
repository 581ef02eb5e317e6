package dev.facet.imaging.matte;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.imaging.Mask;
import dev.facet.imaging.Morphology;
import dev.facet.imaging.RgbImage;
import dev.facet.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The matte of every fixture capture against its ground-truth mask, in one pass over the 18 photos,
 * printing the table:
 *
 * <ul>
 *   <li>lost: share of the product (outline aside, pixels already near-white aside) the matte
 *       leaves under α 0.3, i.e. what would show as a hole;
 *   <li>extra: pixels at α ≥ 0.3 more than 12 px from the product, over the product's area: shadow
 *       or paper taken for product.
 * </ul>
 */
class MatteOnFixturesTest {

  record Score(String capture, double iou, double lost, double extra) {}

  @Test
  void everyCaptureIsCutOutCloseToItsGroundTruth() {
    Matting matting = new Matting();
    List<Score> scores = new ArrayList<>();
    System.out.println("capture          IoU    lost   extra");
    for (String name : Fixtures.captures()) {
      RgbImage photo = Fixtures.photo(name);
      Score s = score(name, photo, Fixtures.groundTruthMask(name), matting.find(photo));
      scores.add(s);
      System.out.printf(Locale.ROOT, "%-15s %.3f %.4f %.4f%n", name, s.iou(), s.lost(), s.extra());
    }
    double meanIou = scores.stream().mapToDouble(Score::iou).average().orElse(0);
    double worstLost = scores.stream().mapToDouble(Score::lost).max().orElse(1);
    double worstExtra = scores.stream().mapToDouble(Score::extra).max().orElse(1);
    System.out.printf(
        Locale.ROOT,
        "mean IoU %.3f, worst lost %.4f, worst extra %.4f%n",
        meanIou,
        worstLost,
        worstExtra);
    // Where the matte stands (the cut-out benchmark's goal is not met on every capture yet: white
    // metal next to its own shadow, bench/cutout): a regression anywhere trips these.
    assertThat(meanIou).isGreaterThan(0.90);
    assertThat(scores).allSatisfy(s -> assertThat(s.iou()).as(s.capture()).isGreaterThan(0.75));
    assertThat(scores.stream().filter(s -> s.lost() <= 0.01 && s.extra() <= 0.02).count())
        .isGreaterThanOrEqualTo(10);
    assertThat(worstLost).isLessThan(0.08);
    assertThat(worstExtra).isLessThan(0.16);
  }

  static Score score(String name, RgbImage photo, Mask truth, ProductMatte matte) {
    boolean[] gt = truth.bits(),
        core = Morphology.erode(truth, 1).bits(),
        near = Morphology.dilate(truth, 12).bits();
    long coreCount = 0, lost = 0, extra = 0, product = 0, inter = 0, union = 0;
    for (int i = 0; i < gt.length; i++) {
      int p = photo.pixels()[i];
      int min = Math.min(RgbImage.red(p), Math.min(RgbImage.green(p), RgbImage.blue(p)));
      boolean in = matte.alpha(i) >= 0.5f;
      if (gt[i]) product++;
      if (gt[i] && in) inter++;
      if (gt[i] || in) union++;
      if (core[i] && min < 235) {
        coreCount++;
        if (matte.alpha(i) < 0.3f) lost++;
      }
      if (!near[i] && matte.alpha(i) >= 0.3f) extra++;
    }
    return new Score(
        name, (double) inter / union, (double) lost / coreCount, (double) extra / product);
  }
}
