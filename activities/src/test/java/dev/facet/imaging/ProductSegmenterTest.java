package dev.facet.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.testing.Fixtures;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductSegmenterTest {

  private final ProductSegmenter segmenter = new ProductSegmenter();

  @Test
  void masksAgreeWithTheGroundTruthOfEveryCapture() {
    Map<String, Double> iou = new LinkedHashMap<>();
    for (String name : Fixtures.captures()) {
      long t0 = System.nanoTime();
      Mask mask = segmenter.segment(Fixtures.photo(name)).mask();
      double v = mask.iou(Fixtures.groundTruthMask(name));
      iou.put(name, v);
      System.out.printf("%s IoU %.3f (%d ms)%n", name, v, (System.nanoTime() - t0) / 1_000_000);
    }
    System.out.printf("mean IoU %.3f%n", iou.values().stream().mapToDouble(d -> d).average().orElse(0));
    assertThat(iou.values()).allSatisfy(v -> assertThat(v).isGreaterThan(0.5));
  }
}
