package dev.facet.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.facet.imaging.RgbImage;
import dev.facet.imaging.StudioRenderer;
import dev.facet.testing.Fixtures;
import dev.facet.testing.StudioShots;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The consistency report on a collection rendered from the fixture photos with one look, plus two
 * products deliberately shot otherwise: one smaller in the frame, one on a warmer, darker backdrop.
 */
class CollectionConsistencyTest {

  private static final StudioRenderer.Look STYLE = StudioShots.WHITE;

  private final LookMeasurer measurer = new LookMeasurer();

  @Test
  void flagsTheProductsThatDoNotLookLikeTheSetAndOnlyThose() throws Exception {
    List<Look> looks = new ArrayList<>();
    List<String> captures = Fixtures.firstCaptures();
    for (String capture : captures.subList(0, 4)) {
      looks.add(look(capture, STYLE));
    }
    looks.add(look(captures.get(4), new StudioRenderer.Look(STYLE.backdrop(), 5500, 0.60, false)));
    looks.add(
        look(
            captures.get(5),
            new StudioRenderer.Look(RgbImage.parseHex("#efe6d6"), 5500, 0.80, false)));

    CollectionConsistency report =
        CollectionConsistency.of(looks, CollectionConsistency.Tolerances.defaults());

    assertThat(report.products()).isEqualTo(6);
    assertThat(report.productScale().median()).isCloseTo(0.80, within(0.04));
    assertThat(report.backdropLightness().median()).isCloseTo(100, within(1.0));
    assertThat(report.outliers())
        .extracting(CollectionConsistency.Outlier::sku)
        .containsExactly(captures.get(4), captures.get(5));
    assertThat(report.outliers().get(0).reasons())
        .singleElement()
        .asString()
        .startsWith("product scale 0.6");
    assertThat(report.outliers().get(1).reasons())
        .anySatisfy(reason -> assertThat(reason).startsWith("backdrop L*"))
        .anySatisfy(reason -> assertThat(reason).startsWith("backdrop colour temperature"));
    System.out.printf("consistency: %s%n", report);
  }

  @Test
  void aWarmBackdropReadsWarmerThanAWhiteOne() {
    double white = LookMeasurer.kelvin(new double[] {1, 1, 1});
    double warm = LookMeasurer.kelvin(new double[] {1.0, 0.8, 0.55});
    assertThat(white).isCloseTo(6500, within(150.0));
    assertThat(warm).isLessThan(white - 1000);
  }

  private Look look(String capture, StudioRenderer.Look style) throws Exception {
    return measurer.measure(capture, "test/" + capture, StudioShots.jpeg(capture, style));
  }
}
