package dev.facet.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.testing.Fixtures;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import org.junit.jupiter.api.Test;

/** The measures behind the QA checks that have no fixture of their own, on synthetic pictures. */
class QaMeasuresTest {

  /** A ring-like product on white: a gold annulus with bright facets on top. */
  private static final RgbImage PRODUCT = product(false);
  private static final Mask PRODUCT_MASK = productMask();

  @Test
  void textOnTheBackgroundIsFoundAndACleanBackgroundReadsZero() {
    double clean = TextDetector.strokesPerMille(PRODUCT, PRODUCT_MASK, 0.08);
    RgbImage signed = copy(PRODUCT);
    Graphics2D g = signed.toBufferedImage().createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
    g.setColor(new Color(150, 150, 150));
    g.drawString("© Sparkle & Co", 500, 760);
    g.dispose();
    double withText = TextDetector.strokesPerMille(signed, PRODUCT_MASK, 0.08);
    System.out.printf("text strokes: clean %.3f ‰, signed %.3f ‰%n", clean, withText);
    assertThat(clean).isZero();
    assertThat(withText).isGreaterThan(QaThresholds.defaults().textMax() * 4);
  }

  @Test
  void heavyJpegCompressionShowsItsBlocks() throws Exception {
    // A real photo: a synthetic gradient stepping every 8 px would line up with the block grid.
    RgbImage textured = Resampler.resize(Fixtures.photo("P04_studio"), 800, 800);
    double good = Blockiness.of(ImageDecoder.decode(ImageEncoder.jpeg(textured, 0.92f)));
    double heavy = Blockiness.of(ImageDecoder.decode(ImageEncoder.jpeg(textured, 0.08f)));
    double resized = Blockiness.of(Resampler.resize(ImageDecoder.decode(ImageEncoder.jpeg(textured, 0.08f)), 700, 700));
    System.out.printf("blockiness: Q92 %.2f, Q8 %.2f, Q8 resized %.2f%n", good, heavy, resized);
    assertThat(good).isLessThan(1.1);
    assertThat(heavy).isGreaterThan(QaThresholds.defaults().blockinessMax());
    assertThat(resized).as("a moved grid no longer lines up with the measure").isLessThan(heavy);
  }

  @Test
  void detailMapsAgreeForTheSamePieceAtAnotherSizeAndDisagreeForAnAddedStone() {
    DetailMap reference = DetailMap.of(PRODUCT, PRODUCT_MASK);
    RgbImage smaller = Resampler.resize(PRODUCT, 600, 600);
    double sameAtOtherSize = DetailMap.of(smaller, PRODUCT_MASK.resized(600, 600)).difference(reference);
    double extraStone = DetailMap.of(product(true), PRODUCT_MASK).difference(reference);
    System.out.printf("detail difference: same piece smaller %.2f, extra stone %.2f%n", sameAtOtherSize, extraStone);
    assertThat(sameAtOtherSize).isLessThan(0.3);
    assertThat(extraStone).isGreaterThan(QaThresholds.defaults().detailMax());
  }

  private static RgbImage product(boolean extraStone) {
    int side = 900;
    int[] px = new int[side * side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        double dx = x - 450, dy = y - 450, r = Math.hypot(dx, dy);
        int p = 0xFFFFFF;
        if (r > 230 && r < 300) {
          int shade = (int) (40 * Math.sin(Math.atan2(dy, dx) * 3));
          p = RgbImage.pack(200 + shade, 160 + shade, 70 + shade / 2);
          if (Math.hypot(dx, dy + 265) < 28) p = facet(dx, dy + 265);
          if (extraStone && Math.hypot(dx, dy - 265) < 28) p = facet(dx, dy - 265);
        }
        px[y * side + x] = p;
      }
    }
    return new RgbImage(side, side, px);
  }

  private static int facet(double dx, double dy) {
    int v = ((int) ((Math.atan2(dy, dx) + Math.PI) / (Math.PI / 8)) % 2 == 0) ? 240 : 130;
    return RgbImage.pack(v, v, v);
  }

  private static Mask productMask() {
    boolean[] bits = new boolean[PRODUCT.pixels().length];
    for (int i = 0; i < bits.length; i++) bits[i] = PRODUCT.pixels()[i] != 0xFFFFFF;
    return new Mask(PRODUCT.width(), PRODUCT.height(), bits);
  }

  private static RgbImage copy(RgbImage image) {
    return new RgbImage(image.width(), image.height(), image.pixels().clone());
  }
}
