package dev.facet.imaging;

import dev.facet.imaging.matte.ProductMatte;
import dev.facet.model.Box;
import dev.facet.model.StyleGuide;
import java.util.SplittableRandom;

/**
 * The offline generator: cuts the product out of a reference photo and re-shoots it in a virtual
 * studio. Everything happens in linear light.
 *
 * <ol>
 *   <li>Cut-out: the {@link ProductMatte} found at capture: a soft alpha, and the piece's own
 *       colour with the paper unmixed from its edge, so no beige or grey fringe follows it; nothing
 *       of the seller's shadow.
 *   <li>Relight: vignetting and light fall-off divided out; the capture's colour cast (the
 *       backdrop's tint at the piece) partly neutralised, then the style's colour temperature
 *       applied; exposure set so the capture's backdrop would read as {@link #BACKDROP_EXPOSURE};
 *       highlights ease toward a {@link #CEILING} below the backdrop's white instead of clipping
 *       into it; a gentle gradient from the variant's light direction.
 *   <li>Stage ({@link Staging}): the style's backdrop, a soft shadow of our own making, optionally
 *       a faint floor reflection; the piece scaled to the style's share of the frame.
 * </ol>
 *
 * Product pixels are only ever scaled and tinted, never invented: prongs and stones stay exactly as
 * photographed.
 */
public final class StudioRenderer {

  /**
   * The luminance the capture's backdrop is given under studio light. Photographed paper is grey
   * next to a studio's lit white; 0.78 brings the fixtures' metal closest to the lightness of their
   * studio ideals.
   */
  static final double BACKDROP_EXPOSURE = 0.78;

  /**
   * The lightest a product pixel may become (linear; sRGB 231), approached smoothly from {@link
   * #SHOULDER}. The background is white (255): a white-metal highlight that reached it would melt
   * into it and read as a hole, and resizing, sharpening and JPEG add a few levels on the way out.
   * The fixtures' studio photos keep 80-96 % of their metal at or under sRGB 231 and only 0.1-1 %
   * more under 238; the rest are specular glints, which the ceiling keeps as the lightest metal.
   */
  static final double CEILING = 0.80;

  /** Where tones start to roll off toward the {@link #CEILING}. */
  static final double SHOULDER = 0.70;

  /** What the style guide asks of the picture. */
  public record Look(int backdrop, int kelvin, double productScale, boolean reflection) {
    public static Look of(StyleGuide style) {
      return new Look(
          RgbImage.parseHex(style.backdrop()),
          style.lightKelvin(),
          style.productScale(),
          style.reflection());
    }
  }

  /**
   * What makes one variant differ from another.
   *
   * @param lightAngle direction the key light comes from, radians (0 = from the right, π/2 = from
   *     above)
   * @param lightFalloff brightness difference across the piece from the light's side, 0..1
   * @param exposure overall brightness factor
   * @param scale factor on the style's product scale
   * @param offsetX horizontal shift, share of the frame
   * @param offsetY vertical shift, share of the frame
   */
  public record Variation(
      double lightAngle,
      double lightFalloff,
      double exposure,
      double scale,
      double offsetX,
      double offsetY) {

    /** Key light from the upper left, no jitter. */
    public static Variation standard() {
      return new Variation(Math.toRadians(125), 0.06, 1.0, 1.0, 0, 0);
    }

    /** A variant drawn from {@code seed}: the same seed, the same picture. */
    public static Variation seeded(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      return new Variation(
          Math.toRadians(random.nextDouble(40, 140)),
          random.nextDouble(0.03, 0.10),
          random.nextDouble(0.95, 1.05),
          random.nextDouble(0.96, 1.0),
          random.nextDouble(-0.012, 0.012),
          random.nextDouble(-0.012, 0.012));
    }
  }

  private final int size;

  public StudioRenderer(int size) {
    this.size = size;
  }

  public int size() {
    return size;
  }

  /**
   * The product of {@code matte} re-shot on the style's backdrop, and its matte in the new picture.
   */
  public Staging.Staged render(ProductMatte matte, Look look, Variation v) {
    Box box =
        matte.box().orElseThrow(() -> new IllegalArgumentException("no product in the matte"));
    BackdropModel backdrop = matte.backdrop();
    double[] gains = whiteBalance(backdrop, box, look.kelvin());
    double exposure = BACKDROP_EXPOSURE * v.exposure();
    double lx = Math.cos(v.lightAngle()), ly = -Math.sin(v.lightAngle());
    double cx = box.x() + box.width() / 2.0, cy = box.y() + box.height() / 2.0;
    double half = Math.max(box.width(), box.height()) / 2.0;
    float[] back = backdrop.linearRgb();
    Cutout cut =
        Cutout.of(
            matte,
            (x, y, rgb) -> {
              int i = 3 * (y * matte.width() + x);
              double light =
                  exposure
                      / Math.max(1e-3, ColourScience.luminance(back[i], back[i + 1], back[i + 2]))
                      * (1 + v.lightFalloff() * ((x - cx) * lx + (y - cy) * ly) / half);
              for (int c = 0; c < 3; c++) rgb[c] = (float) tone(rgb[c] * gains[c] * light);
            });
    return Staging.stage(
        cut,
        new Staging.Scene(
            size,
            size,
            look.backdrop(),
            look.productScale() * v.scale(),
            v.offsetX(),
            v.offsetY(),
            Staging.Shadow.SOFT.towards(v.lightAngle()),
            look.reflection()));
  }

  /**
   * Per-channel gains: take out the cast the backdrop shows around the piece ({@link WhitePoint}),
   * then tint by the style's colour temperature; luminance is left to the exposure.
   */
  static double[] whiteBalance(BackdropModel backdrop, Box around, int kelvin) {
    double[] neutral =
        WhitePoint.gains(
            backdrop.linearAt(around.x() + around.width() / 2, around.y() + around.height() / 2));
    double[] k = ColourScience.kelvinGains(kelvin);
    double[] gains = new double[3];
    for (int c = 0; c < 3; c++) gains[c] = neutral[c] * k[c];
    double norm = ColourScience.luminance(gains[0], gains[1], gains[2]);
    for (int c = 0; c < 3; c++) gains[c] /= norm;
    return gains;
  }

  /** Linear up to the {@link #SHOULDER}, then easing toward the {@link #CEILING}, never past it. */
  static double tone(double v) {
    if (v <= SHOULDER) {
      return v;
    }
    double room = CEILING - SHOULDER;
    return SHOULDER + room * (1 - Math.exp(-(v - SHOULDER) / room));
  }
}
