package dev.facet.imaging;

import dev.facet.model.Lab;
import dev.facet.model.QaCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The automated checks of a finished image: fidelity to the physical piece (metal tone, silhouette,
 * sharpness) and the channel's rules (background, fill, framing, size). Run on the decoded final
 * file, so JPEG artefacts count.
 */
public final class QualityInspector {

  private final QaThresholds thresholds;
  private final ProductAnalyzer analyzer = new ProductAnalyzer();

  public QualityInspector(QaThresholds thresholds) {
    this.thresholds = thresholds;
  }

  /** What the finished image is compared against. */
  public record Expectations(ChannelPreset preset, Lab signatureMetal, List<Mask> referenceMasks, double referenceSharpness) {}

  public List<QaCheck> inspect(RgbImage image, Expectations expected) {
    ChannelPreset preset = expected.preset();
    ProductAnalyzer.Analysis analysis = analyzer.analyse(image);
    List<QaCheck> checks = new ArrayList<>();
    if (analysis.measurements().isEmpty()) {
      checks.add(fail("product", "no product found in the image"));
    } else {
      ProductMeasurer.Measurements m = analysis.measurements().get();
      double tone = MetalTone.deltaE(m.metal(), expected.signatureMetal());
      checks.add(atMost("metal-tone", tone, thresholds.metalToneMax(),
          format("metal %s vs signature %s: ΔE2000 %.2f (lightness excluded)", m.metal(), expected.signatureMetal(), tone)));
      double shape = expected.referenceMasks().stream().mapToDouble(r -> Silhouette.agreement(analysis.mask(), r)).max().orElse(0);
      checks.add(atLeast("silhouette", shape, thresholds.silhouetteMin(),
          format("outline agreement with the closest reference photo: %.2f", shape)));
      double sharpness = expected.referenceSharpness() <= 0 ? 1 : m.sharpness() / expected.referenceSharpness();
      checks.add(atLeast("sharpness", sharpness, thresholds.sharpnessRatioMin(),
          format("product sharpness %.0f, %.2f of the references' %.0f", m.sharpness(), sharpness, expected.referenceSharpness())));
      checks.add(atLeast("fill", m.fill(), preset.minFill(),
          format("product spans %.1f %% of the frame, %s needs %.0f %%", m.fill() * 100, preset.name(), preset.minFill() * 100)));
      Mask fullMask = analysis.maskAt(image.width(), image.height());
      int band = borderBand(image);
      boolean cut = fullMask.touchesBorder(band);
      checks.add(atLeast("in-frame", cut ? 0 : 1, 1,
          cut ? "the product reaches into the border band: it may be cut off" : "the product clears the border band"));
      double background = backgroundPurity(image, fullMask, preset.background());
      checks.add(atLeast("background", background, thresholds.backgroundPurityMin(),
          format("%.2f %% of the background away from the product is exactly %s", background * 100, hex(preset.background()))));
    }
    double border = borderPurity(image, preset.background());
    checks.add(atLeast("background-border", border, thresholds.borderPurityMin(),
        format("%.2f %% of the 1 %% border band is exactly %s", border * 100, hex(preset.background()))));
    double size = Math.min((double) image.width() / preset.width(), (double) image.height() / preset.height());
    checks.add(atLeast("size", size, 1,
        format("%dx%d, %s needs %dx%d", image.width(), image.height(), preset.name(), preset.width(), preset.height())));
    double aspectError = Math.abs((double) image.width() / image.height() - preset.aspect());
    checks.add(atMost("aspect", aspectError, 0.01,
        format("aspect %.3f, %s needs %.3f", (double) image.width() / image.height(), preset.name(), preset.aspect())));
    return checks;
  }

  static int borderBand(RgbImage image) {
    return Math.max(1, (int) Math.ceil(ChannelFinisher.BORDER_BAND * Math.min(image.width(), image.height())));
  }

  /** Share of the border band's pixels that are exactly {@code background}. */
  public static double borderPurity(RgbImage image, int background) {
    int w = image.width(), h = image.height(), band = borderBand(image);
    long exact = 0, total = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (x < band || y < band || x >= w - band || y >= h - band) {
          total++;
          if (image.pixels()[y * w + x] == background) exact++;
        }
      }
    }
    return (double) exact / total;
  }

  /**
   * Share of exactly-background pixels among those farther from the product than a shadow may
   * reach (twice {@link ChannelFinisher#SHADOW_REACH}, as the product mask is itself approximate).
   */
  static double backgroundPurity(RgbImage image, Mask product, int background) {
    float[] d2 = Morphology.squaredDistanceTo(product, true);
    double reach = 2 * ChannelFinisher.SHADOW_REACH * Math.min(image.width(), image.height());
    long exact = 0, total = 0;
    for (int i = 0; i < d2.length; i++) {
      if (d2[i] > reach * reach) {
        total++;
        if (image.pixels()[i] == background) exact++;
      }
    }
    return total == 0 ? 1 : (double) exact / total;
  }

  private static QaCheck atMost(String name, double value, double threshold, String detail) {
    return new QaCheck(name, value, threshold, "<=", value <= threshold, true, detail);
  }

  private static QaCheck atLeast(String name, double value, double threshold, String detail) {
    return new QaCheck(name, value, threshold, ">=", value >= threshold, true, detail);
  }

  private static QaCheck fail(String name, String detail) {
    return new QaCheck(name, 0, 1, ">=", false, true, detail);
  }

  private static String hex(int rgb) {
    return String.format(Locale.ROOT, "#%06x", rgb);
  }

  private static String format(String pattern, Object... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Lab lab) {
        args[i] = String.format(Locale.ROOT, "L*a*b* (%.1f, %.1f, %.1f)", lab.l(), lab.a(), lab.b());
      }
    }
    return String.format(Locale.ROOT, pattern, args);
  }
}
