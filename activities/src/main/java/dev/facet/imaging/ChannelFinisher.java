package dev.facet.imaging;

import dev.facet.model.Box;
import dev.facet.model.Lab;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a generated image into one channel's finished image: find the product, pull its metal
 * tone toward the signature (a little, never a repaint), replace the background with exactly the
 * channel's colour while keeping a soft contact shadow near the piece, frame the product to the
 * channel's fill, resize with Lanczos-3, sharpen, encode with an sRGB profile and the image's
 * digital source type.
 */
public final class ChannelFinisher {

  /** Largest per-channel gain the tone correction may apply, either way. */
  static final double MAX_TONE_GAIN = 1.15;
  /** Tone corrections below this ΔE2000 are not worth touching the pixels for. */
  static final double TONE_TOLERANCE = 1.0;
  /** Darkening under this share is JPEG noise or paper, not shadow: it becomes background. */
  static final double SHADOW_FLOOR = 0.03;
  /** Shadow farther than this share of the frame from the product is dropped. */
  static final double SHADOW_REACH = 0.04;
  /** The frame's border band (share of the short side) that must be pure background. */
  public static final double BORDER_BAND = 0.01;

  private final ProductAnalyzer analyzer = new ProductAnalyzer();

  /** A finished image and its encoded file. */
  public record Finished(RgbImage image, byte[] bytes) {}

  public Finished finish(RgbImage candidate, Lab signatureMetal, ChannelPreset preset, DigitalSourceType source) {
    return prepare(candidate, signatureMetal).finish(preset, source);
  }

  /**
   * The analysis every channel's image of one candidate shares: product mask, backdrop and tone
   * gains. Found once, so a candidate finished for several channels is segmented once.
   */
  public Prepared prepare(RgbImage candidate, Lab signatureMetal) {
    ProductAnalyzer.Analysis analysis = analyzer.analyse(candidate);
    if (analysis.measurements().isEmpty()) {
      throw new IllegalArgumentException("no product found in the image");
    }
    Mask mask = analysis.maskAt(candidate.width(), candidate.height());
    return new Prepared(
        candidate,
        mask,
        mask.box().orElseThrow(),
        analysis.backdrop().at(candidate.width(), candidate.height()),
        toneGains(analysis.measurements().get().metal(), signatureMetal));
  }

  /**
   * One candidate, analysed, ready to be finished for any channel. Channels that share a
   * background and shadow share its clean-up, the costliest step at full size.
   */
  public record Prepared(RgbImage candidate, Mask mask, Box box, BackdropModel backdrop, double[] gains,
      Map<String, RgbImage> cleaned) {

    Prepared(RgbImage candidate, Mask mask, Box box, BackdropModel backdrop, double[] gains) {
      this(candidate, mask, box, backdrop, gains, new ConcurrentHashMap<>());
    }

    public Finished finish(ChannelPreset preset, DigitalSourceType source) {
      RgbImage clean = cleaned.computeIfAbsent(preset.background() + (preset.shadow() ? "/shadow" : ""),
          look -> cleanBackground(candidate, mask, box, backdrop, gains, preset));
      RgbImage framed = frame(clean, box, preset);
      RgbImage sharp = UnsharpMask.apply(framed, preset.sharpenSigma(), preset.sharpenAmount());
      clearBorder(sharp, preset.background());
      return new Finished(sharp, ImageEncoder.finished(sharp, preset.format(), preset.quality(), source));
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

  /**
   * The image with every pixel that is neither product nor shadow set to exactly the channel's
   * background, product edges unmixed from the old backdrop, the tone gains applied to the product.
   */
  static RgbImage cleanBackground(
      RgbImage image, Mask mask, Box box, BackdropModel backdrop, double[] gains, ChannelPreset preset) {
    int w = image.width(), h = image.height();
    int bg = preset.background();
    int[] out = new int[w * h];
    Arrays.fill(out, bg);
    // Only the product's neighbourhood can hold anything but background.
    double reach = SHADOW_REACH * Math.min(w, h);
    int pad = (int) Math.ceil(reach) + 4;
    int x0 = Math.max(0, box.x() - pad), y0 = Math.max(0, box.y() - pad);
    Box near = new Box(x0, y0, Math.min(w, box.x() + box.width() + pad) - x0, Math.min(h, box.y() + box.height() + pad) - y0);
    int nw = near.width(), nh = near.height();
    Mask local = mask.crop(near);
    Mask grown = Morphology.dilate(local, 1);
    float[] bits = new float[nw * nh];
    for (int i = 0; i < bits.length; i++) bits[i] = grown.bits()[i] ? 1f : 0f;
    float[] alpha = new Plane(nw, nh, bits).gaussian(1.0).v;
    float[] distance2 = preset.shadow() ? Morphology.squaredDistanceTo(local, true) : null;

    double bgR = ColourScience.linear(RgbImage.red(bg)), bgG = ColourScience.linear(RgbImage.green(bg)), bgB = ColourScience.linear(RgbImage.blue(bg));
    float[] br = new float[w], bgc = new float[w], bb = new float[w];
    double[] backR = new double[nw], backG = new double[nw], backB = new double[nw], backY = new double[nw];
    int[] px = image.pixels();
    for (int ly = 0; ly < nh; ly++) {
      int y = y0 + ly;
      backdrop.logRow(y, br, bgc, bb);
      for (int lx = 0; lx < nw; lx++) {
        backR[lx] = Math.exp(br[x0 + lx]) - 1e-4;
        backG[lx] = Math.exp(bgc[x0 + lx]) - 1e-4;
        backB[lx] = Math.exp(bb[x0 + lx]) - 1e-4;
        backY[lx] = ColourScience.luminance(backR[lx], backG[lx], backB[lx]);
      }
      for (int lx = 0; lx < nw; lx++) {
        int i = y * w + x0 + lx, li = ly * nw + lx;
        float a = alpha[li];
        int p = px[i];
        double lr = ColourScience.linear(RgbImage.red(p)), lg = ColourScience.linear(RgbImage.green(p)), lb = ColourScience.linear(RgbImage.blue(p));
        double shade = 0;
        if (distance2 != null && a < 1 && distance2[li] < reach * reach) {
          shade = darkening(ColourScience.luminance(lr, lg, lb), backY[lx]) * (1 - Math.sqrt(distance2[li]) / reach);
        }
        if (a <= 0.002f && shade <= 0) {
          continue;
        }
        double fr = Matting.unmix(lr, backR[lx], a) * gains[0];
        double fg = Matting.unmix(lg, backG[lx], a) * gains[1];
        double fb = Matting.unmix(lb, backB[lx], a) * gains[2];
        double under = (1 - a) * (1 - shade);
        out[i] = ColourScience.packLinear(a * fr + under * bgR, a * fg + under * bgG, a * fb + under * bgB);
      }
    }
    return new RgbImage(w, h, out);
  }

  /** How much darker than its backdrop a pixel is, 0 below {@link #SHADOW_FLOOR}. */
  private static double darkening(double luminance, double backdropLuminance) {
    double d = 1 - luminance / Math.max(1e-4, backdropLuminance);
    return d < SHADOW_FLOOR ? 0 : Math.min(1, d);
  }

  /**
   * Scales and centres the product so its longest side is the preset's target fill of the frame
   * side it lies along, padding with the background where the source ends.
   */
  static RgbImage frame(RgbImage clean, Box box, ChannelPreset preset) {
    int W = preset.width(), H = preset.height();
    double scale =
        box.width() >= box.height()
            ? preset.targetFill() * W / box.width()
            : preset.targetFill() * H / box.height();
    int sw = (int) Math.round(W / scale), sh = (int) Math.round(H / scale);
    int left = (int) Math.round(box.x() + box.width() / 2.0 - sw / 2.0);
    int top = (int) Math.round(box.y() + box.height() / 2.0 - sh / 2.0);
    int[] region = new int[sw * sh];
    Arrays.fill(region, preset.background());
    int[] px = clean.pixels();
    for (int y = 0; y < sh; y++) {
      int sy = top + y;
      if (sy < 0 || sy >= clean.height()) continue;
      int x0 = Math.max(0, -left), x1 = Math.min(sw, clean.width() - left);
      if (x1 > x0) System.arraycopy(px, sy * clean.width() + left + x0, region, y * sw + x0, x1 - x0);
    }
    return Resampler.resize(new RgbImage(sw, sh, region), W, H);
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
