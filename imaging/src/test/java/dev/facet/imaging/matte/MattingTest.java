package dev.facet.imaging.matte;

import static dev.facet.imaging.matte.SyntheticPhotos.SIZE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.imaging.Mask;
import dev.facet.imaging.RgbImage;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The matte on drawn photos whose truth is known: white metal, a stud pair, a chain, a cast shadow.
 */
class MattingTest {

  private static final int GOLD = RgbImage.pack(200, 150, 60), ROSE = RgbImage.pack(190, 120, 100);
  private final Matting matting = new Matting();

  @Test
  void aWhiteMetalRingOnWhiteHasNoHolesWhereItMirrorsTheBackdrop() {
    assertRingIsWhole(0xFFFFFF);
  }

  @Test
  void aWhiteMetalRingOnGreyPaperHasNoHolesAndLeavesItsShadowBehind() {
    assertRingIsWhole(RgbImage.pack(200, 202, 205));
  }

  private void assertRingIsWhole(int backdrop) {
    int[] px = SyntheticPhotos.paper(backdrop);
    SyntheticPhotos.shadow(px, 420, 690, 230, 40, backdrop == 0xFFFFFF ? 0 : 0.45);
    SyntheticPhotos.paint(
        px,
        (x, y) -> {
          double r = Math.hypot(x - 400, y - 400);
          return r >= 200 && r <= 260
              ? SyntheticPhotos.whiteMetalWithRim(
                  Math.atan2(y - 400, x - 400) * 7 + r / 9.0,
                  Math.min(r - 200, 260 - r),
                  px[y * SIZE + x])
              : -1;
        });
    ProductMatte matte = matting.find(SyntheticPhotos.image(px));
    // A hole is missing band away from its edges (their last pixels are soft, as a lens draws
    // them).
    boolean[] missing = new boolean[SIZE * SIZE];
    int band = 0, count = 0;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        double r = Math.hypot(x - 400, y - 400);
        if (r >= 205 && r <= 255) {
          band++;
          missing[y * SIZE + x] = matte.alpha(y * SIZE + x) < 0.5f;
          if (missing[y * SIZE + x]) count++;
        }
      }
    }
    int largestHole = Regions.of(SIZE, SIZE, missing, false).largest();
    System.out.printf(
        Locale.ROOT,
        "white metal on #%06x: %d of %d band pixels missing, largest hole %d px%n",
        backdrop,
        count,
        band,
        largestHole);
    assertThat(largestHole).as("largest hole punched into the band, px").isLessThanOrEqualTo(25);
    assertThat(matte.alpha(400 * SIZE + 400)).as("the ring's hole").isLessThan(0.5f);
    assertThat(matte.alpha(715 * SIZE + 420))
        .as("the floor's shadow under the ring")
        .isLessThan(0.5f);
  }

  @Test
  void theNarrowOpeningOfARingSeenEdgeOnIsCutOut() {
    int backdrop = RgbImage.pack(200, 202, 205);
    int[] px = SyntheticPhotos.paper(backdrop);
    // An upright band seen nearly edge-on: the paper shows through an opening 24 px wide, so close
    // to the band's striped faces that no pixel of it is out of reach of their contrast.
    SyntheticPhotos.paint(
        px,
        (x, y) -> {
          double outer = Math.hypot((x - 400) / 60.0, (y - 400) / 260.0),
              inner = Math.hypot((x - 400) / 12.0, (y - 400) / 230.0);
          return outer <= 1 && inner > 1
              ? SyntheticPhotos.whiteMetalWithRim(
                  y / 9.0, Math.min((1 - outer) * 60, (inner - 1) * 12), px[y * SIZE + x])
              : -1;
        });
    ProductMatte matte = matting.find(SyntheticPhotos.image(px));
    for (int y = 250; y <= 550; y += 50) {
      assertThat(matte.alpha(y * SIZE + 400)).as("the opening at y %d", y).isLessThan(0.5f);
    }
    assertThat(matte.alpha(400 * SIZE + 360)).as("the band beside it").isGreaterThan(0.5f);
  }

  @Test
  void aBandFaceThatShadesFromThePapersGreyIntoItsReflectionIsKept() {
    int backdrop = RgbImage.pack(203, 210, 218);
    int[] px = SyntheticPhotos.paper(backdrop);
    // An upright band seen from the side, as a ring's shank is: its outer face starts one step
    // darker than the paper and shades, as smooth and as uncoloured as a shadow, into the dark
    // reflection that runs down the band's middle.
    SyntheticPhotos.paint(
        px,
        (x, y) -> {
          double across = Math.hypot((x - 400) / 70.0, (y - 400) / 280.0);
          if (across > 1) return -1;
          double toEdge = (1 - across) * 70;
          if (toEdge < 8) {
            // A lens draws the step over 2 px.
            return SyntheticPhotos.scaled(
                px[y * SIZE + x], toEdge < 2 ? 1 - 0.125 * toEdge : 0.84 - 0.055 * toEdge);
          }
          return SyntheticPhotos.whiteMetal(y / 9.0, px[y * SIZE + x]);
        });
    ProductMatte matte = matting.find(SyntheticPhotos.image(px));
    int face = 0, kept = 0;
    for (int y = 200; y <= 600; y++) {
      for (int x = 300; x < 500; x++) {
        double toEdge = (1 - Math.hypot((x - 400) / 70.0, (y - 400) / 280.0)) * 70;
        // Past the step's soft pixels.
        if (toEdge >= 3 && toEdge < 8) {
          face++;
          if (matte.alpha(y * SIZE + x) >= 0.5f) kept++;
        }
      }
    }
    System.out.printf(Locale.ROOT, "band face kept: %d of %d px%n", kept, face);
    assertThat(kept / (double) face).as("share of the shaded face kept").isGreaterThan(0.95);
  }

  @Test
  void aStudPairIsTwoParts() {
    int[] px = SyntheticPhotos.paper(RgbImage.pack(222, 218, 211));
    SyntheticPhotos.paint(
        px,
        (x, y) ->
            Math.hypot(x - 250, y - 400) < 80 || Math.hypot(x - 560, y - 380) < 80
                ? SyntheticPhotos.whiteMetal((x + y) / 11.0, 0xFFFFFF)
                : -1);
    Mask mask = matting.find(SyntheticPhotos.image(px)).mask();
    assertThat(Regions.of(SIZE, SIZE, mask.bits(), true).count).isEqualTo(2);
  }

  @Test
  void aFineChainStaysInOnePiece() {
    int[] px = SyntheticPhotos.paper(RgbImage.pack(228, 214, 190));
    SyntheticPhotos.paint(
        px,
        (x, y) -> {
          // Links of radius 9 px and wire 3 px, every 14 px along a curve: each overlaps the next.
          double t = (x - 100) / 14.0;
          if (x < 100 || x > 700) return -1;
          for (int k = (int) Math.floor(t) - 1; k <= Math.ceil(t) + 1; k++) {
            double cx = 100 + 14 * k, cy = 300 + 120 * Math.sin(cx / 120.0);
            double d = Math.hypot(x - cx, y - cy);
            if (d > 6 && d < 9.5) return ROSE;
          }
          return -1;
        });
    Mask mask = matting.find(SyntheticPhotos.image(px)).mask();
    Regions parts = Regions.of(SIZE, SIZE, mask.bits(), true);
    assertThat(parts.count).as("pieces of the chain").isEqualTo(1);
    assertThat(parts.largest()).isGreaterThan(6000);
  }

  @Test
  void aCastShadowFusedToThePieceIsLeftBehind() {
    int[] px = SyntheticPhotos.paper(RgbImage.pack(228, 214, 190));
    // A dark contact shadow right under the disc and a softer one cast to the right.
    SyntheticPhotos.shadow(px, 470, 560, 190, 45, 0.7);
    SyntheticPhotos.paint(
        px,
        (x, y) ->
            Math.hypot(x - 400, y - 400) < 150
                ? SyntheticPhotos.scaled(GOLD, 0.8 + 0.4 * Math.sin((x + 2 * y) / 23.0) * 0.5)
                : -1);
    ProductMatte matte = matting.find(SyntheticPhotos.image(px));
    int shadow = 0, kept = 0, disc = 0, found = 0;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        boolean inDisc = Math.hypot(x - 400, y - 400) < 147;
        boolean inShadow =
            !inDisc
                && Math.hypot(x - 400, y - 400) > 156
                && Math.hypot((x - 470) / 190.0, (y - 560) / 45.0) < 1;
        float a = matte.alpha(y * SIZE + x);
        if (inDisc) {
          disc++;
          if (a >= 0.5f) found++;
        }
        if (inShadow) {
          shadow++;
          if (a >= 0.5f) kept++;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "shadow split: disc %d/%d found, shadow %d/%d kept%n",
        found,
        disc,
        kept,
        shadow);
    assertThat((double) found / disc).isGreaterThan(0.995);
    assertThat((double) kept / shadow).as("shadow kept as product").isLessThan(0.01);
  }

  @Test
  void theUmbraUnderAWhiteMetalDiscIsLeftBehind() {
    int paper = RgbImage.pack(200, 198, 194);
    int[] px = SyntheticPhotos.paper(paper);
    // A stud's back lying on the paper, seen from above: a softer shadow around it, and under its
    // front edge the umbra, a flat band a quarter as light as the paper. The disc's shaded
    // underside is as dark, so nothing marks where the metal ends and the umbra begins but the
    // disc's lit rim above them.
    SyntheticPhotos.shadow(px, 400, 420, 230, 95, 0.45);
    SyntheticPhotos.paint(
        px, (x, y) -> disc(x, y, UMBRA) < 1 ? SyntheticPhotos.scaled(px[y * SIZE + x], 0.25) : -1);
    SyntheticPhotos.paint(
        px,
        (x, y) -> {
          double d = disc(x, y, 0);
          if (d >= 1) return -1;
          double toEdge = (1 - d) * DISC_RY;
          if (y > DISC_Y && toEdge < 2) return SyntheticPhotos.scaled(paper, 0.25);
          if (y > DISC_Y && toEdge < 5) return RgbImage.pack(235, 235, 237);
          return SyntheticPhotos.whiteMetal((x + 2 * y) / 19.0, paper);
        });
    ProductMatte matte = matting.find(SyntheticPhotos.image(px));
    int umbra = 0, kept = 0, metal = 0, found = 0;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        float a = matte.alpha(y * SIZE + x);
        if ((1 - disc(x, y, 0)) * DISC_RY > 3) {
          metal++;
          if (a >= 0.5f) found++;
        } else if (disc(x, y, 0) > 1 + 3.0 / DISC_RY && disc(x, y, UMBRA) < 1) {
          umbra++;
          if (a >= 0.5f) kept++;
        }
      }
    }
    System.out.printf(
        Locale.ROOT, "umbra: disc %d/%d found, umbra %d/%d kept%n", found, metal, kept, umbra);
    assertThat((double) found / metal).isGreaterThan(0.995);
    assertThat((double) kept / umbra).as("umbra kept as product").isLessThan(0.05);
  }

  private static final double DISC_Y = 380, DISC_RY = 80;

  /** How far (px) the umbra reaches below the disc, as under the fixtures' white-gold studs. */
  private static final int UMBRA = 10;

  /** Where (x, y) lies in the disc moved {@code down} px: under 1 inside. */
  private static double disc(int x, int y, int down) {
    return Math.hypot((x - 400) / 200.0, (y - DISC_Y - down) / DISC_RY);
  }

  /** The slab is 12 px tall: thin enough that the edges around it make it read as textured. */
  private static final int SLAB_END = 560;

  @Test
  void aHardEdgedContactShadowUnderAGoldBandIsLeftBehind() {
    int[] px = SyntheticPhotos.paper(RgbImage.pack(228, 214, 190));
    // A lamp close to the piece: a thin contact shadow with crisp edges right under the band,
    // tinted by the light the gold throws into it.
    SyntheticPhotos.paint(
        px,
        (x, y) ->
            y >= 548 && y < SLAB_END && x > 280 && x < 540
                ? SyntheticPhotos.scaled(RgbImage.pack(236, 214, 182), 0.55)
                : -1);
    SyntheticPhotos.paint(
        px,
        (x, y) -> {
          double r = Math.hypot((x - 400) / 1.0, (y - 380) / 1.0);
          return r > 125 && r < 170
              ? SyntheticPhotos.scaled(GOLD, 0.8 + 0.2 * Math.sin((x + 2 * y) / 23.0))
              : -1;
        });
    ProductMatte matte = matting.find(SyntheticPhotos.image(px));
    int slab = 0, kept = 0, band = 0, found = 0;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        double r = Math.hypot(x - 400, y - 380);
        float a = matte.alpha(y * SIZE + x);
        if (r > 128 && r < 167) {
          band++;
          if (a >= 0.5f) found++;
        } else if (r > 174 && y >= 548 && y < SLAB_END && x > 280 && x < 540) {
          slab++;
          if (a >= 0.5f) kept++;
        }
      }
    }
    System.out.printf(
        Locale.ROOT, "hard shadow: band %d/%d found, slab %d/%d kept%n", found, band, kept, slab);
    assertThat((double) found / band).isGreaterThan(0.995);
    assertThat((double) kept / slab).as("slab of shadow kept as product").isLessThan(0.01);
  }
}
