package dev.facet.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.model.Lab;
import dev.facet.model.StyleGuide;
import dev.facet.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudioRendererTest {

  private final ProductSegmenter segmenter = new ProductSegmenter();
  private final ProductMeasurer measurer = new ProductMeasurer();

  @Test
  void rendersLookLikeTheStudioIdealsOfTheSamePiece() throws Exception {
    StudioRenderer renderer = new StudioRenderer(1000);
    StudioRenderer.Look look = StudioRenderer.Look.of(StyleGuide.whiteStudio());
    List<Double> deltas = new ArrayList<>();
    Path dir = Files.createDirectories(Path.of("target", "renders"));
    for (String name : Fixtures.firstCaptures()) {
      RgbImage photo = Fixtures.photo(name);
      ProductSegmenter.Segmentation s = segmenter.segment(photo);
      long t0 = System.nanoTime();
      RgbImage render = renderer.render(photo, s.mask(), s.backdrop(), look, StudioRenderer.Variation.standard());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      Files.write(dir.resolve(name + ".png"), ImageEncoder.png(render));
      ProductSegmenter.Segmentation rs = segmenter.segment(render);
      Lab metal = measurer.measure(render, rs.mask(), rs.backdrop()).metal();
      String studio = name.substring(0, 3) + "_studio";
      Lab ideal = Fixtures.measuredMetal(studio);
      double de = ColourScience.deltaE2000(metal, ideal);
      deltas.add(de);
      System.out.printf("%s render metal (%.1f, %.1f, %.1f) vs studio ideal (%.1f, %.1f, %.1f): ΔE2000 %.2f, fill %.3f, %d ms%n",
          name, metal.l(), metal.a(), metal.b(), ideal.l(), ideal.a(), ideal.b(), de, rs.mask().fill(), ms);
    }
    System.out.printf("mean ΔE2000 to the studio ideals %.2f%n", deltas.stream().mapToDouble(d -> d).average().orElse(0));
    assertThat(deltas).allSatisfy(d -> assertThat(d).isLessThan(10));
  }
}
