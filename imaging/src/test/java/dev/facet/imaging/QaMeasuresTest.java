package dev.facet.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.testing.Fixtures;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;
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
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
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
    double resized =
        Blockiness.of(
            Resampler.resize(ImageDecoder.decode(ImageEncoder.jpeg(textured, 0.08f)), 700, 700));
    System.out.printf("blockiness: Q92 %.2f, Q8 %.2f, Q8 resized %.2f%n", good, heavy, resized);
    assertThat(good).isLessThan(1.1);
    assertThat(heavy).isGreaterThan(QaThresholds.defaults().blockinessMax());
    assertThat(resized).as("a moved grid no longer lines up with the measure").isLessThan(heavy);
  }

  @Test
  void aStoneAddedOrRemovedIsFoundWhereItIsAndTheSamePieceReadsNone() {
    ProductView reference = ProductView.of(PRODUCT, PRODUCT_MASK);
    ProductView same =
        ProductView.of(Resampler.resize(PRODUCT, 700, 700), PRODUCT_MASK.resized(700, 700))
            .alignedTo(reference);
    ProductView added = ProductView.of(product(true), PRODUCT_MASK).alignedTo(reference);
    ReferenceHues hues = ReferenceHues.of(List.of(reference));
    Stones.Difference none = Stones.compare(reference, same, hues),
        extra = Stones.compare(reference, added, hues);
    Stones.Difference removed =
        Stones.compare(added, ProductView.of(PRODUCT, PRODUCT_MASK).alignedTo(added), hues);
    System.out.printf(
        "stones: same piece smaller %.2f, extra stone %.2f, stone removed %.2f%n",
        none.stones(), extra.stones(), removed.stones());
    double bar = QaThresholds.defaults().detailMax();
    assertThat(none.stones()).isLessThan(bar);
    assertThat(extra.stones()).isGreaterThan(bar);
    assertThat(removed.stones()).isGreaterThan(bar);
    // The evidence points at the bottom of the ring, where the extra stone is (y ≈ 715 of 900).
    assertThat(extra.regions()).isNotEmpty();
    assertThat(extra.regions().get(0).y()).isBetween(650, 740);
  }

  @Test
  void aHolePunchedThroughTheBandIsMissingFromThePiece() {
    ProductView reference = ProductView.of(PRODUCT, PRODUCT_MASK);
    RgbImage punched = copy(PRODUCT);
    for (int y = 415; y < 485; y++)
      for (int x = 690; x < 740; x++) punched.pixels()[y * 900 + x] = 0xFFFFFF;
    double intact =
        Completeness.of(
                reference, ProductView.of(PRODUCT, PRODUCT_MASK).alignedTo(reference), 0xFFFFFF)
            .missing();
    Completeness.Result hole =
        Completeness.of(
            reference, ProductView.of(punched, PRODUCT_MASK).alignedTo(reference), 0xFFFFFF);
    System.out.printf("completeness: intact %.4f, punched %.4f%n", intact, hole.missing());
    assertThat(intact).isLessThan(QaThresholds.defaults().completenessMax());
    assertThat(hole.missing()).isGreaterThan(QaThresholds.defaults().completenessMax());
    assertThat(hole.regions().get(0).x()).isBetween(660, 760);
  }

  @Test
  void aWatermarkCutOutWithThePieceIsAnExtraPartAndTheSamePieceHasNone() {
    ProductView reference = ProductView.of(PRODUCT, PRODUCT_MASK);
    RgbImage marked = copy(PRODUCT);
    // A grey bar from the band into the ring's opening, as a watermark across the piece is cut out
    // with it.
    for (int y = 420; y < 480; y++)
      for (int x = 240; x < 560; x++) marked.pixels()[y * 900 + x] = RgbImage.pack(200, 200, 200);
    double same =
        ExtraParts.of(reference, ProductView.of(PRODUCT, PRODUCT_MASK).alignedTo(reference))
            .extra();
    ExtraParts.Result extra =
        ExtraParts.of(reference, ProductView.of(marked, maskOf(marked)).alignedTo(reference));
    System.out.printf("extra parts: same %.4f, watermarked %.4f%n", same, extra.extra());
    assertThat(same).isLessThan(QaThresholds.defaults().extraPartsMax());
    assertThat(extra.extra()).isGreaterThan(QaThresholds.defaults().extraPartsMax());
    assertThat(extra.regions().get(0).x()).isBetween(240, 400);
  }

  @Test
  void aThickenedBandIsWiderThanItsReferenceAndTheSamePieceSmallerIsNot() {
    ProductView reference = ProductView.of(PRODUCT, PRODUCT_MASK);
    RgbImage smaller = Resampler.resize(PRODUCT, 700, 700);
    RgbImage thick = ring(218, 312);
    double same =
        Thickness.of(
                reference,
                ProductView.of(smaller, PRODUCT_MASK.resized(700, 700)).alignedTo(reference))
            .thicker();
    double thicker =
        Thickness.of(reference, ProductView.of(thick, maskOf(thick)).alignedTo(reference))
            .thicker();
    System.out.printf(
        "thickness: same piece smaller %.4f, band a third wider %.4f%n", same, thicker);
    assertThat(same).isLessThan(QaThresholds.defaults().thicknessMax());
    assertThat(thicker).isGreaterThan(QaThresholds.defaults().thicknessMax());
  }

  @Test
  void aBandCutThroughNoLongerHoldsTogether() {
    ProductView reference = ProductView.of(PRODUCT, PRODUCT_MASK);
    RgbImage cut = copy(PRODUCT);
    // Cut through the band on the right, where the ring reaches x 680-750.
    for (int y = 430; y < 470; y++)
      for (int x = 670; x < 760; x++) cut.pixels()[y * 900 + x] = 0xFFFFFF;
    Topology.Result intact =
        Topology.of(reference, ProductView.of(PRODUCT, PRODUCT_MASK).alignedTo(reference));
    Topology.Result broken =
        Topology.of(reference, ProductView.of(cut, maskOf(cut)).alignedTo(reference));
    System.out.printf(
        "parts: intact %d (%s), cut %d (%s)%n",
        intact.changes(), intact.finding(), broken.changes(), broken.finding());
    assertThat((double) intact.changes())
        .isLessThanOrEqualTo(QaThresholds.defaults().partsChangesMax());
    assertThat((double) broken.changes()).isGreaterThan(QaThresholds.defaults().partsChangesMax());
    assertThat(broken.finding()).startsWith("1 part with 0 openings");
  }

  @Test
  void aShadowFragmentLeftInTheBackgroundIsDebrisAndASoftShadowIsNot() {
    RgbImage fragment = copy(PRODUCT), soft = copy(PRODUCT);
    for (int y = 800; y < 830; y++)
      for (int x = 100; x < 220; x++) fragment.pixels()[y * 900 + x] = RgbImage.pack(150, 140, 140);
    for (int y = 751; y < 790; y++) {
      for (int x = 300; x < 600; x++) {
        int v = (int) Math.round(255 - 40 * (1 - (y - 751) / 39.0));
        soft.pixels()[y * 900 + x] = RgbImage.pack(v, v, v);
      }
    }
    Debris.Result found = Debris.of(fragment, PRODUCT_MASK, 0xFFFFFF),
        shadow = Debris.of(soft, PRODUCT_MASK, 0xFFFFFF);
    System.out.printf("debris: fragment %.4f, soft shadow %.4f%n", found.share(), shadow.share());
    assertThat(found.share()).isGreaterThan(QaThresholds.defaults().debrisMax());
    assertThat(shadow.share()).isZero();
    assertThat(found.regions().get(0).x()).isBetween(90, 110);
  }

  private static RgbImage product(boolean extraStone) {
    return ring(230, 300, extraStone);
  }

  private static RgbImage ring(double inner, double outer) {
    return ring(inner, outer, false);
  }

  /** A gold band between two radii with a faceted stone at the bottom (and one at the top). */
  private static RgbImage ring(double inner, double outer, boolean extraStone) {
    int side = 900;
    int[] px = new int[side * side];
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        double dx = x - 450, dy = y - 450, r = Math.hypot(dx, dy);
        int p = 0xFFFFFF;
        if (r > inner && r < outer) {
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
    return maskOf(PRODUCT);
  }

  /** Everything that is not the white backdrop, as a matte cuts a clean studio picture. */
  private static Mask maskOf(RgbImage image) {
    boolean[] bits = new boolean[image.pixels().length];
    for (int i = 0; i < bits.length; i++) bits[i] = image.pixels()[i] != 0xFFFFFF;
    return new Mask(image.width(), image.height(), bits);
  }

  private static RgbImage copy(RgbImage image) {
    return new RgbImage(image.width(), image.height(), image.pixels().clone());
  }
}
