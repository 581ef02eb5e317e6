package dev.facet.calibration;

import dev.facet.imaging.BackdropModel;
import dev.facet.imaging.ChannelFinisher;
import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.DigitalSourceType;
import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.ImageEncoder;
import dev.facet.imaging.Mask;
import dev.facet.imaging.ReferenceSet;
import dev.facet.imaging.RgbImage;
import dev.facet.imaging.Staging;
import dev.facet.imaging.StudioRenderer;
import dev.facet.imaging.matte.Matting;
import dev.facet.imaging.matte.ProductMatte;
import dev.facet.model.Lab;
import dev.facet.model.StyleGuide;
import dev.facet.testing.CutoutCheck;
import dev.facet.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The images QA is calibrated on, for one fixture piece, each labelled with the checks that should
 * catch it (none: a faithful image):
 *
 * <ul>
 *   <li>faithful: Facet's own finished images (the studio renderer's re-shoot of each capture,
 *       through the shoot's path: cut-out, render, finish with the render's cut-out), the piece's
 *       studio photo finished, and harmless versions of both (8 % brighter, JPEG quality 85, a
 *       light sharpening), as a marketplace or an editor may deliver them; a studio photo's finish
 *       whose cut-out is not clean is not faithful but a flawed cut-out, for QA to catch;
 *   <li>content defects, made on the studio photo before it is finished, as a generator makes them:
 *       the metal recoloured to another family, the stones recoloured, the largest stone removed, a
 *       stone added, a prong removed, the largest stone enlarged, the metal thickened, the piece
 *       mirrored;
 *   <li>delivery defects on the finished file: an off-white background, a small or cropped product,
 *       blur, a corner signature or a diagonal watermark, heavy compression.
 * </ul>
 */
final class CalibrationSet {

  /** One image to inspect: faithful when {@code targets} is empty. */
  record Case(String product, String base, String alteration, Set<String> targets, RgbImage image) {
    boolean faithful() {
      return targets.isEmpty();
    }
  }

  /** Alterations of what a jeweller calls detail: the stones and prongs. */
  static final Set<String> DETAIL_DEFECTS =
      Set.of(
          "stones recoloured", "stone removed", "extra stone", "prong removed", "stone enlarged");

  /** The target of a finish whose cut-out is not clean (holes in the piece, or shadow left). */
  static final String FLAWED_CUT_OUT = "cut-out";

  private static final int WHITE = 0xFFFFFF;
  private static final List<String> METALS =
      List.of("yellow_gold_18k", "rose_gold_18k", "white_gold_18k");

  private final String product;
  private final ReferenceSet references;
  private final ChannelPreset preset;
  private final Matting matting = new Matting();
  private final ChannelFinisher finisher = new ChannelFinisher(matting);

  CalibrationSet(String product, ReferenceSet references, ChannelPreset preset) {
    this.product = product;
    this.references = references;
    this.preset = preset;
  }

  /**
   * Every case of this piece, handed to {@code sink} as soon as it is made (they are large).
   *
   * @param captures the piece's capture photos, full size
   */
  void build(List<RgbImage> captures, Consumer<Case> sink) {
    StudioRenderer renderer = new StudioRenderer(preset.width());
    RgbImage firstRender = null;
    for (int i = 0; i < captures.size(); i++) {
      Staging.Staged render =
          renderer.render(
              matting.find(captures.get(i)),
              StudioRenderer.Look.of(StyleGuide.whiteStudio()),
              StudioRenderer.Variation.seeded(31L * i + product.hashCode()));
      RgbImage finished = finish(render.image(), render.matte());
      if (firstRender == null) firstRender = finished;
      sink.accept(new Case(product, "render-" + (i + 1), "faithful", Set.of(), finished));
    }
    RgbImage ideal = Fixtures.photo(product + "_studio");
    Mask[] truth = metalAndStones(product + "_studio", ideal.width(), ideal.height());
    Mask metal = truth[0], stones = truth[1];
    RgbImage finishedIdeal = finish(ideal);
    Set<String> idealFlaws = cutOutFlaws(finishedIdeal, ideal, product + "_studio");
    sink.accept(new Case(product, "studio", label(idealFlaws, ""), idealFlaws, finishedIdeal));
    harmless("render-1", firstRender, Set.of(), sink);
    harmless("studio", finishedIdeal, idealFlaws, sink);

    String ownName = Fixtures.manifest().at("/products/" + product + "/metal/name").asText();
    Lab own = metalTint(ownName);
    for (String other : METALS) {
      if (isSameFamily(ownName, other)) continue;
      String label = "metal→" + other.replace("_18k", "").replace("_gold", "");
      content(
          label,
          Set.of("metal-tone"),
          Alterations.recolourMetal(ideal, metal, own, metalTint(other)),
          sink);
    }
    if (stones.count() > 0) {
      content(
          "stone removed",
          Set.of("detail", "completeness", "silhouette"),
          Alterations.removeLargestStone(ideal, stones),
          sink);
      content(
          "stones recoloured",
          Set.of("stone-tone", "detail"),
          Alterations.recolourStones(ideal, stones),
          sink);
      content(
          "stone enlarged",
          Set.of("detail", "silhouette"),
          Alterations.enlargeStone(ideal, stones),
          sink);
      if (Fixtures.manifest().at("/products/" + product + "/prongs").asInt() > 0) {
        content(
            "prong removed",
            Set.of("completeness", "silhouette", "detail", "parts"),
            Alterations.removeProng(ideal, metal, stones),
            sink);
      }
    }
    content("extra stone", Set.of("detail"), Alterations.addStone(ideal, metal, stones), sink);
    content(
        "metal thickened",
        Set.of("silhouette", "thickness"),
        Alterations.thickenMetal(ideal, metal),
        sink);
    content("mirrored", Set.of("silhouette"), ideal.mirrored(), sink);

    delivered(
        "off-white background",
        Set.of("background", "background-border"),
        Alterations.replaceColour(finishedIdeal, WHITE, 0xFAFAF8),
        sink);
    delivered("small product", Set.of("fill"), Alterations.shrink(finishedIdeal, 0.6, WHITE), sink);
    delivered(
        "cut by the frame",
        Set.of("in-frame"),
        Alterations.shiftLeft(finishedIdeal, 0.2, WHITE),
        sink);
    delivered("blur σ3", Set.of("sharpness"), Alterations.blur(finishedIdeal, 3), sink);
    delivered("corner watermark", Set.of("text"), Alterations.cornerWatermark(finishedIdeal), sink);
    // The matte cuts a watermark across the piece out with it: a part the reference does not have.
    delivered(
        "diagonal watermark",
        Set.of("text", "extra-parts"),
        Alterations.diagonalWatermark(finishedIdeal),
        sink);
    sink.accept(
        new Case(
            product,
            "studio",
            "JPEG quality 8",
            Set.of("compression"),
            Alterations.jpeg(finishedIdeal, 0.08f)));
  }

  /** What a faithful image may go through on its way: brighter, recompressed, sharpened. */
  private void harmless(String base, RgbImage finished, Set<String> flaws, Consumer<Case> sink) {
    sink.accept(
        new Case(
            product,
            base,
            label(flaws, ", 8 % brighter"),
            flaws,
            Alterations.jpeg(Alterations.brighter(finished), preset.quality())));
    sink.accept(
        new Case(
            product, base, label(flaws, ", JPEG q85"), flaws, Alterations.jpeg(finished, 0.85f)));
    sink.accept(
        new Case(
            product,
            base,
            label(flaws, ", sharpened"),
            flaws,
            Alterations.jpeg(Alterations.sharpened(finished), preset.quality())));
  }

  private static String label(Set<String> flaws, String variant) {
    return (flaws.isEmpty() ? "faithful" : "flawed cut-out") + variant;
  }

  /**
   * The studio photo's finish is only faithful if its cut-out is clean by the cut-out benchmark's
   * goal ({@link CutoutCheck} against the photo's ground-truth mask); one that is not is a defect
   * of Facet's own, for QA to catch. (The renders vary the view, which CutoutCheck does not align;
   * bench/cutout measures their cut-outs.)
   */
  private static Set<String> cutOutFlaws(RgbImage finished, RgbImage photo, String name) {
    CutoutCheck.Figures f = CutoutCheck.judge(finished, photo, Fixtures.groundTruthMask(name));
    return f.clean() ? Set.of() : Set.of(FLAWED_CUT_OUT);
  }

  /** A generator's defect: the altered picture, finished for the channel. */
  private void content(String label, Set<String> targets, RgbImage altered, Consumer<Case> sink) {
    sink.accept(new Case(product, "studio", label, targets, finish(altered)));
  }

  /** A delivered file: the altered pixels saved as the channel's usual JPEG. */
  private void delivered(String label, Set<String> targets, RgbImage altered, Consumer<Case> sink) {
    sink.accept(
        new Case(product, "studio", label, targets, Alterations.jpeg(altered, preset.quality())));
  }

  /** The channel's finished file of a generated picture, decoded as QA reads it. */
  private RgbImage finish(RgbImage candidate) {
    return decode(
        finisher
            .finish(
                candidate,
                references.signature().metal(),
                preset,
                DigitalSourceType.COMPOSITE_SYNTHETIC)
            .bytes());
  }

  /**
   * The same for a studio render, with the cut-out it comes with (stored as PNG, as a shoot stores
   * it).
   */
  private RgbImage finish(RgbImage render, ProductMatte matte) {
    try {
      RgbImage candidate = decode(ImageEncoder.jpeg(render, 0.95f));
      ProductMatte stored =
          ImageDecoder.decodeMatte(
              ImageEncoder.png(matte),
              BackdropModel.flat(WHITE, candidate.width(), candidate.height()));
      return decode(
          finisher
              .prepare(candidate, stored, references.signature().metal())
              .finish(preset, DigitalSourceType.COMPOSITE_SYNTHETIC)
              .bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RgbImage decode(byte[] bytes) {
    try {
      return ImageDecoder.decode(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isSameFamily(String a, String b) {
    boolean whiteA = !a.contains("yellow") && !a.contains("rose"),
        whiteB = !b.contains("yellow") && !b.contains("rose");
    return a.equals(b) || (whiteA && whiteB);
  }

  private static Lab metalTint(String name) {
    var lab = Fixtures.manifest().at("/metals/" + name + "/lab");
    return new Lab(lab.get(0).asDouble(), lab.get(1).asDouble(), lab.get(2).asDouble());
  }

  /** The ground-truth mask split into metal (red) and stones (green). */
  private static Mask[] metalAndStones(String name, int width, int height) {
    RgbImage mask;
    try {
      mask = ImageDecoder.decode(Fixtures.bytes("masks/" + name + ".png"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int n = mask.pixels().length;
    boolean[] metal = new boolean[n], stones = new boolean[n];
    for (int i = 0; i < n; i++) {
      int p = mask.pixels()[i];
      metal[i] = RgbImage.red(p) > 127;
      stones[i] = RgbImage.green(p) > 127;
    }
    return new Mask[] {
      new Mask(mask.width(), mask.height(), metal).resized(width, height),
      new Mask(mask.width(), mask.height(), stones).resized(width, height)
    };
  }
}
