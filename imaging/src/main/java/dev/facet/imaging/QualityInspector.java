package dev.facet.imaging;

import dev.facet.model.Box;
import dev.facet.model.ColourSignature;
import dev.facet.model.Lab;
import dev.facet.model.QaCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The automated checks of a finished image: fidelity to the physical piece (metal and stone tone,
 * silhouette, fine detail, sharpness), the channel's rules (background, fill, framing, size,
 * aspect) and defects of the file itself (text or watermarks, compression blocks). Run on the
 * decoded final file, so encoding artefacts count. Each check reports its value, threshold and
 * verdict; the channel preset decides which checks run and which block ({@link QaRule}).
 */
public final class QualityInspector {

  /** ΔE reported when a colour expected by the signature cannot be found (JSON has no NaN). */
  static final double NOT_FOUND = 100;

  private final QaThresholds thresholds;
  private final ProductAnalyzer analyzer = new ProductAnalyzer();

  public QualityInspector(QaThresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * What the finished image is compared against: the references' colour signature, their products
   * at a fixed size ({@link ProductView}, as capture stores them) and their median sharpness.
   */
  public record Expectations(
      ChannelPreset preset,
      ColourSignature signature,
      List<ProductView> references,
      double referenceSharpness) {}

  public List<QaCheck> inspect(RgbImage image, Expectations expected) {
    Checks checks = new Checks(expected.preset());
    ProductAnalyzer.Analysis analysis = analyzer.analyse(image);
    Mask fullMask = null;
    if (analysis.measurements().isEmpty()) {
      checks.fail(QaCheckName.PRODUCT, "no product found in the image");
    } else {
      fullMask = analysis.maskAt(image.width(), image.height());
      inspectProduct(image, analysis, fullMask, expected, checks);
    }
    inspectFrame(image, fullMask, expected.preset(), checks);
    return checks.list;
  }

  private void inspectProduct(
      RgbImage image,
      ProductAnalyzer.Analysis analysis,
      Mask fullMask,
      Expectations expected,
      Checks checks) {
    ChannelPreset preset = expected.preset();
    ProductMeasurer.Measurements m = analysis.measurements().orElseThrow();
    ColourSignature signature = expected.signature();
    if (checks.runs(QaCheckName.METAL_TONE)) {
      double tone = MetalTone.deltaE(m.metal(), signature.metal());
      checks.atMost(
          QaCheckName.METAL_TONE,
          tone,
          thresholds.metalToneMax(),
          format(
              "metal %s vs signature %s: ΔE2000 %.2f (lightness excluded)",
              m.metal(), signature.metal(), tone));
    }
    if (signature.stone() != null && checks.runs(QaCheckName.STONE_TONE)) {
      if (m.stone() == null) {
        checks.atMost(
            QaCheckName.STONE_TONE,
            NOT_FOUND,
            thresholds.stoneToneMax(),
            format(
                "the references show stones of %s; no stone-like colour found here",
                signature.stone()));
      } else {
        double tone = MetalTone.deltaE(m.stone(), signature.stone());
        checks.atMost(
            QaCheckName.STONE_TONE,
            tone,
            thresholds.stoneToneMax(),
            format(
                "stones %s vs signature %s: ΔE2000 %.2f (lightness excluded)",
                m.stone(), signature.stone(), tone));
      }
    }
    ProductView closest = null;
    double shape = 0;
    for (ProductView r : expected.references()) {
      double a = Silhouette.agreement(analysis.mask(), r.silhouette());
      if (closest == null || a > shape) {
        closest = r;
        shape = a;
      }
    }
    checks.atLeast(
        QaCheckName.SILHOUETTE,
        shape,
        thresholds.silhouetteMin(),
        format("outline agreement with the closest reference photo: %.2f", shape));
    if (closest != null) {
      ProductView candidate = ProductView.of(analysis.image(), analysis.mask()).alignedTo(closest);
      compareWith(closest, candidate, expected, checks);
    }
    double sharpness =
        expected.referenceSharpness() <= 0 ? 1 : m.sharpness() / expected.referenceSharpness();
    checks.atLeast(
        QaCheckName.SHARPNESS,
        sharpness,
        thresholds.sharpnessRatioMin(),
        format(
            "product sharpness %.0f, %.2f of the references' %.0f",
            m.sharpness(), sharpness, expected.referenceSharpness()));
    checks.atLeast(
        QaCheckName.FILL,
        m.fill(),
        preset.minFill(),
        format(
            "product spans %.1f %% of the frame, %s needs %.0f %%",
            m.fill() * 100, preset.name(), preset.minFill() * 100));
    boolean cut = fullMask.touchesBorder(borderBand(image));
    checks.atLeast(
        QaCheckName.IN_FRAME,
        cut ? 0 : 1,
        1,
        cut
            ? "the product reaches into the border band: it may be cut off by the frame"
            : "the product clears the border band");
    if (checks.runs(QaCheckName.BACKGROUND)) {
      double background = backgroundPurity(image, fullMask, preset.background());
      checks.atLeast(
          QaCheckName.BACKGROUND,
          background,
          thresholds.backgroundPurityMin(),
          format(
              "%.2f %% of the background away from the product is exactly %s",
              background * 100, hex(preset.background())));
    }
    if (checks.runs(QaCheckName.DEBRIS)) {
      Debris.Result debris = Debris.of(image, fullMask, preset.background());
      checks.atMost(
          QaCheckName.DEBRIS,
          debris.share(),
          thresholds.debrisMax(),
          debris.regions(),
          format(
              "dark fragments in the background (shadow, paper, dust) away from the product: %.1f %% of its area",
              debris.share() * 100));
    }
  }

  /**
   * The image laid over its closest reference: parts of the piece gone (a punched hole, a missing
   * prong) or added (a watermark across it), the piece cut apart, metal thickened, stones lost,
   * added or recoloured (against the colours of all the references).
   */
  private void compareWith(
      ProductView reference, ProductView candidate, Expectations expected, Checks checks) {
    if (checks.runs(QaCheckName.COMPLETENESS)) {
      Completeness.Result c = Completeness.of(reference, candidate, expected.preset().background());
      checks.atMost(
          QaCheckName.COMPLETENESS,
          c.missing(),
          thresholds.completenessMax(),
          c.regions(),
          format(
              "largest part of the piece that shows bare background here: %.2f %% of the piece",
              c.missing() * 100));
    }
    if (checks.runs(QaCheckName.EXTRA_PARTS)) {
      ExtraParts.Result e = ExtraParts.of(reference, candidate);
      checks.atMost(
          QaCheckName.EXTRA_PARTS,
          e.extra(),
          thresholds.extraPartsMax(),
          e.regions(),
          format(
              "largest part of the piece the closest reference does not have: %.2f %% of the piece",
              e.extra() * 100));
    }
    if (checks.runs(QaCheckName.PARTS)) {
      Topology.Result t = Topology.of(reference, candidate);
      checks.atMost(
          QaCheckName.PARTS,
          t.changes(),
          thresholds.partsChangesMax(),
          t.regions(),
          format("separate parts and openings: %s", t.finding()));
    }
    if (checks.runs(QaCheckName.THICKNESS)) {
      Thickness.Result t = Thickness.of(reference, candidate);
      checks.atMost(
          QaCheckName.THICKNESS,
          t.thicker(),
          thresholds.thicknessMax(),
          t.regions(),
          format(
              "the piece's parts are %.2f %% of its size %s than the closest reference's on average",
              Math.abs(t.thicker()) * 100, t.thicker() >= 0 ? "wider" : "narrower"));
    }
    if (checks.runs(QaCheckName.DETAIL)) {
      ReferenceHues hues = ReferenceHues.of(expected.references());
      Stones.Difference d = Stones.compare(reference, candidate, hues);
      checks.atMost(
          QaCheckName.DETAIL,
          d.stones(),
          thresholds.detailMax(),
          d.regions(),
          format("stones against the closest reference, largest change: %s", d.finding()));
    }
  }

  private void inspectFrame(
      RgbImage image, Mask productOrNull, ChannelPreset preset, Checks checks) {
    if (checks.runs(QaCheckName.BACKGROUND_BORDER)) {
      double border = borderPurity(image, preset.background());
      checks.atLeast(
          QaCheckName.BACKGROUND_BORDER,
          border,
          thresholds.borderPurityMin(),
          format(
              "%.2f %% of the 1 %% border band is exactly %s",
              border * 100, hex(preset.background())));
    }
    if (checks.runs(QaCheckName.TEXT)) {
      Mask product = productOrNull != null ? productOrNull : new Mask(1, 1, new boolean[1]);
      double strokes = TextDetector.strokesPerMille(image, product, Staging.SHADOW_REACH);
      checks.atMost(
          QaCheckName.TEXT,
          strokes,
          thresholds.textMax(),
          format(
              "%.2f ‰ of the background away from the product is thin high-contrast stroke (text,"
                  + " logo or watermark)",
              strokes));
    }
    if (checks.runs(QaCheckName.COMPRESSION)) {
      double blocks = Blockiness.of(image);
      checks.atMost(
          QaCheckName.COMPRESSION,
          blocks,
          thresholds.blockinessMax(),
          format(
              "8x8 block-boundary steps are %.2fx the steps inside blocks (1.0 = no blocking)",
              blocks));
    }
    checks.atLeast(
        QaCheckName.SIZE,
        image.longSide(),
        preset.minLongSide(),
        format(
            "%dx%d, %s needs a longest side of at least %d px",
            image.width(), image.height(), preset.name(), preset.minLongSide()));
    double aspect = (double) image.width() / image.height();
    double aspectError = Math.abs(aspect - preset.aspect()) / preset.aspect();
    checks.atMost(
        QaCheckName.ASPECT,
        aspectError,
        0.01,
        format(
            "aspect %.3f, %s needs %.3f (%dx%d)",
            aspect, preset.name(), preset.aspect(), preset.width(), preset.height()));
  }

  /** The checks found so far, each blocking or not as the channel says. */
  private static final class Checks {
    final ChannelPreset preset;
    final List<QaCheck> list = new ArrayList<>();

    Checks(ChannelPreset preset) {
      this.preset = preset;
    }

    boolean runs(QaCheckName check) {
      return check == QaCheckName.PRODUCT || preset.rule(check) != QaRule.OFF;
    }

    void atMost(QaCheckName check, double value, double threshold, String detail) {
      atMost(check, value, threshold, List.of(), detail);
    }

    void atMost(
        QaCheckName check, double value, double threshold, List<Box> regions, String detail) {
      add(check, value, threshold, "<=", value <= threshold, regions, detail);
    }

    void atLeast(QaCheckName check, double value, double threshold, String detail) {
      add(check, value, threshold, ">=", value >= threshold, List.of(), detail);
    }

    void fail(QaCheckName check, String detail) {
      add(check, 0, 1, ">=", false, List.of(), detail);
    }

    private void add(
        QaCheckName check,
        double value,
        double threshold,
        String comparator,
        boolean passed,
        List<Box> regions,
        String detail) {
      if (!runs(check)) return;
      boolean blocking = check == QaCheckName.PRODUCT || preset.rule(check) == QaRule.BLOCK;
      list.add(
          new QaCheck(check.id(), value, threshold, comparator, passed, blocking, detail, regions));
    }
  }

  static int borderBand(RgbImage image) {
    return Math.max(
        1, (int) Math.ceil(ChannelFinisher.BORDER_BAND * Math.min(image.width(), image.height())));
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
   * Share of exactly-background pixels among those farther from the product than a staged shadow
   * may reach ({@link Staging#SHADOW_REACH}).
   */
  static double backgroundPurity(RgbImage image, Mask product, int background) {
    float[] d2 = Morphology.squaredDistanceTo(product, true);
    double reach = Staging.SHADOW_REACH * Math.min(image.width(), image.height());
    long exact = 0, total = 0;
    for (int i = 0; i < d2.length; i++) {
      if (d2[i] > reach * reach) {
        total++;
        if (image.pixels()[i] == background) exact++;
      }
    }
    return total == 0 ? 1 : (double) exact / total;
  }

  private static String hex(int rgb) {
    return String.format(Locale.ROOT, "#%06x", rgb);
  }

  private static String format(String pattern, Object... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Lab lab) {
        args[i] =
            String.format(Locale.ROOT, "L*a*b* (%.1f, %.1f, %.1f)", lab.l(), lab.a(), lab.b());
      }
    }
    return String.format(Locale.ROOT, pattern, args);
  }
}
