package dev.facet.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MorphologyTest {

  private static Mask random(int w, int h, double density, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] bits = new boolean[w * h];
    for (int i = 0; i < bits.length; i++) bits[i] = random.nextDouble() < density;
    return new Mask(w, h, bits);
  }

  /** Dilation by a disk, the slow way. */
  private static Mask bruteDilate(Mask m, double r) {
    int w = m.width(), h = m.height();
    boolean[] out = new boolean[w * h];
    int ri = (int) Math.ceil(r);
    for (int y = 0; y < h; y++)
      for (int x = 0; x < w; x++)
        for (int dy = -ri; dy <= ri && !out[y * w + x]; dy++)
          for (int dx = -ri; dx <= ri; dx++) {
            int xx = x + dx, yy = y + dy;
            if (dx * dx + dy * dy <= r * r
                && xx >= 0
                && yy >= 0
                && xx < w
                && yy < h
                && m.get(xx, yy)) {
              out[y * w + x] = true;
              break;
            }
          }
    return new Mask(w, h, out);
  }

  @Test
  void dilationMatchesTheDefinitionForEveryRadius() {
    Mask m = random(61, 47, 0.02, 7);
    for (double r : new double[] {1, 2, 3.5, 6, 8}) {
      assertThat(Morphology.dilate(m, r).bits())
          .as("radius " + r)
          .isEqualTo(bruteDilate(m, r).bits());
    }
  }

  @Test
  void erosionIsDilationOfTheComplementWithTheFrameCountedAsSet() {
    Mask m = random(53, 41, 0.9, 11);
    for (double r : new double[] {1, 3, 6}) {
      boolean[] complement = new boolean[m.bits().length];
      for (int i = 0; i < complement.length; i++) complement[i] = !m.bits()[i];
      boolean[] grown = bruteDilate(new Mask(53, 41, complement), r).bits();
      boolean[] expected = new boolean[grown.length];
      for (int i = 0; i < grown.length; i++) expected[i] = !grown[i];
      assertThat(Morphology.erode(m, r).bits()).as("radius " + r).isEqualTo(expected);
    }
  }

  @Test
  void componentsAreFourConnected() {
    boolean[] bits = {
      true, false, true,
      false, true, false,
      true, true, false
    };
    Morphology.Components c = Morphology.components(new Mask(3, 3, bits));
    assertThat(c.count()).isEqualTo(3);
    assertThat(c.sizes()).containsExactly(0, 1, 1, 3);
  }

  @Test
  void masksRoundTripThroughOneBitPng() throws Exception {
    Mask m = random(37, 19, 0.4, 3);
    byte[] png = ImageEncoder.png(m);
    assertThat(ImageDecoder.decodeMask(png).bits()).isEqualTo(m.bits());
  }
}
