package dev.facet.imaging;

import dev.facet.imaging.matte.Matting;
import dev.facet.imaging.matte.ProductMatte;
import dev.facet.model.Lab;
import java.util.function.Supplier;

/**
 * Turns a generated image into one channel's finished image: cut the product out (a soft {@link
 * Matting matte}, edges unmixed from the old background, whatever shadow the generator drew left
 * behind), pull its metal tone toward the signature (a little, never a repaint), and stage it on
 * exactly the channel's background at the channel's fill, with the shadow and reflection the preset
 * asks for; resize in linear light, sharpen, encode with an sRGB profile and the image's digital
 * source type.
 */
public final class ChannelFinisher {

  /** Largest per-channel gain the tone correction may apply, either way. */
  static final double MAX_TONE_GAIN = 1.15;

  /** Tone corrections below this ΔE2000 are not worth touching the pixels for. */
  static final double TONE_TOLERANCE = 1.0;

  /** The frame's border band (share of the short side) that must be pure background. */
  public static final double BORDER_BAND = 0.01;

  private final Matting matting;
  private final ProductMeasurer measurer = new ProductMeasurer();

  public ChannelFinisher(Matting matting) {
    this.matting = matting;
  }

  public ChannelFinisher() {
    this(new Matting());
  }

  /** A finished image and its encoded file. */
  public record Finished(RgbImage image, byte[] bytes) {}

  public Finished finish(
      RgbImage candidate, Lab signatureMetal, ChannelPreset preset, DigitalSourceType source) {
    return prepare(candidate, signatureMetal).finish(preset, source);
  }

  /**
   * The cut-out every channel's image of one candidate shares, found once: the matte is the
   * costliest step.
   */
  public Prepared prepare(RgbImage candidate, Lab signatureMetal) {
    return prepare(candidate, matting.find(candidate), signatureMetal);
  }

  /**
   * As {@link #prepare(RgbImage, Lab)}, with the candidate's matte already known (a studio
   * render's).
   */
  public Prepared prepare(RgbImage candidate, ProductMatte matte, Lab signatureMetal) {
    return prepare(
        matte,
        signatureMetal,
        () -> measurer.measure(candidate, matte.mask(), matte.backdrop()).metal());
  }

  /**
   * As {@link #prepare(RgbImage, Lab)}, going on from what scoring found in the candidate: only the
   * outline is refined, and the metal is the one scoring measured.
   */
  public Prepared prepare(RgbImage candidate, ProductFinding found, Lab signatureMetal) {
    return prepare(
        matting.refine(candidate, found.mask(), found.backdrop()),
        signatureMetal,
        () -> found.measurements().metal());
  }

  private Prepared prepare(ProductMatte matte, Lab signatureMetal, Supplier<Lab> measuredMetal) {
    if (matte.isEmpty()) {
      throw new IllegalArgumentException("no product found in the image");
    }
    // Without a signature the tone is kept as it is, and there is nothing to measure it for.
    double[] gains =
        signatureMetal == null
            ? new double[] {1, 1, 1}
            : toneGains(measuredMetal.get(), signatureMetal);
    return new Prepared(
        Cutout.of(
            matte,
            (x, y, rgb) -> {
              for (int c = 0; c < 3; c++) rgb[c] *= (float) gains[c];
            }));
  }

  /** One candidate, cut out, ready to be finished for any channel. */
  public record Prepared(Cutout cutout) {

    public Finished finish(ChannelPreset preset, DigitalSourceType source) {
      RgbImage staged =
          Staging.stage(
                  cutout,
                  new Staging.Scene(
                      preset.width(),
                      preset.height(),
                      preset.background(),
                      preset.targetFill(),
                      0,
                      0,
                      preset.shadow() ? Staging.Shadow.SOFT : Staging.Shadow.NONE,
                      preset.reflection()))
              .image();
      RgbImage sharp = UnsharpMask.apply(staged, preset.sharpenSigma(), preset.sharpenAmount());
      clearBorder(sharp, preset.background());
      return new Finished(
          sharp, ImageEncoder.finished(sharp, preset.format(), preset.quality(), source));
    }
  }

  /**
   * Linear-RGB gains moving the measured metal toward the signature's hue and chroma at the
   * measured lightness, each capped at {@link #MAX_TONE_GAIN}. Unity when already close.
   */
  static double[] toneGains(Lab measured, Lab signature) {
    if (signature == null || MetalTone.deltaE(measured, signature) < TONE_TOLERANCE) {
      return new double[] {1, 1, 1};
    }
    double[] from = ColourScience.labToLinear(measured);
    double[] to = ColourScience.labToLinear(new Lab(measured.l(), signature.a(), signature.b()));
    double[] gains = new double[3];
    for (int c = 0; c < 3; c++) {
      double g = to[c] / Math.max(1e-4, from[c]);
      gains[c] = Math.max(1 / MAX_TONE_GAIN, Math.min(MAX_TONE_GAIN, g));
    }
    return gains;
  }

  /** Forces the border band to the background: a marketplace rule, checked again by QA. */
  static void clearBorder(RgbImage image, int background) {
    int w = image.width(), h = image.height();
    int band = Math.max(1, (int) Math.ceil(BORDER_BAND * Math.min(w, h)));
    int[] px = image.pixels();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (x < band || y < band || x >= w - band || y >= h - band) px[y * w + x] = background;
      }
    }
  }
}
