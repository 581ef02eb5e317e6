package dev.facet.calibration;

import dev.facet.imaging.BackdropModel;
import dev.facet.imaging.ChannelFinisher;
import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.DigitalSourceType;
import dev.facet.imaging.ImageDecoder;
import dev.facet.imaging.Mask;
import dev.facet.imaging.ReferenceSet;
import dev.facet.imaging.Resampler;
import dev.facet.imaging.RgbImage;
import dev.facet.imaging.StudioRenderer;
import dev.facet.model.Lab;
import dev.facet.model.StyleGuide;
import dev.facet.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The images QA is calibrated on, for one fixture piece: faithful finished images (the studio
 * renderer's re-shoot of the first capture, and the piece's studio ideal photo, each finished for
 * the channel) and deliberately altered ones, each labelled with the checks that should catch it:
 * content defects made on the studio photo before finishing, delivery defects on its finished file.
 */
final class CalibrationSet {

  /** One image to inspect: faithful when {@code targets} is empty. */
  record Case(String product, String base, String alteration, Set<String> targets, RgbImage image) {
    boolean faithful() {
      return targets.isEmpty();
    }
  }

  private static final int WHITE = 0xFFFFFF;
  /** Faithful re-shoots rendered per piece, from its first captures (each costs a finish and an inspection). */
  private static final int RENDERS = 1;
  private static final List<String> METALS = List.of("yellow_gold_18k", "rose_gold_18k", "white_gold_18k");

  private final String product;
  private final ReferenceSet references;
  private final ChannelPreset preset;
  private final ChannelFinisher finisher = new ChannelFinisher();

  CalibrationSet(String product, ReferenceSet references, ChannelPreset preset) {
    this.product = product;
    this.references = references;
    this.preset = preset;
  }

  /**
   * Every case of this piece, handed to {@code sink} as soon as it is made (they are large).
   *
   * @param captures the piece's capture photos, full size
   * @param scale the calibration scale of the fixture photos (the studio photo is resized by it)
   */
  void build(List<RgbImage> captures, double scale, Consumer<Case> sink) {
    StudioRenderer renderer = new StudioRenderer(preset.width());
    List<RgbImage> renders = new ArrayList<>();
    for (int i = 0; i < RENDERS; i++) {
      RgbImage photo = captures.get(i);
      RgbImage render = renderer.render(photo, references.views().get(i).mask(), BackdropModel.fit(photo),
          StudioRenderer.Look.of(StyleGuide.whiteStudio()), StudioRenderer.Variation.seeded(31L * i + product.hashCode()));
      renders.add(render);
      sink.accept(new Case(product, "render-" + (i + 1), "faithful", Set.of(), finish(render)));
    }
    RgbImage full = Fixtures.photo(product + "_studio");
    int w = (int) Math.round(full.width() * scale), h = (int) Math.round(full.height() * scale);
    RgbImage ideal = scale == 1 ? full : Resampler.resize(full, w, h);
    Mask[] truth = metalAndStones(product + "_studio", w, h);
    Mask metal = truth[0], stones = truth[1];
    RgbImage finishedIdeal = finish(ideal);
    sink.accept(new Case(product, "studio", "faithful", Set.of(), finishedIdeal));

    String ownName = Fixtures.manifest().at("/products/" + product + "/metal/name").asText();
    Lab own = metalTint(ownName);
    for (String other : METALS) {
      if (isSameFamily(ownName, other)) continue;
      String label = "metal→" + other.replace("_18k", "").replace("_gold", "");
      sink.accept(new Case(product, "studio", label, Set.of("metal-tone"),
          finish(Alterations.recolourMetal(ideal, metal, own, metalTint(other)))));
    }
    if (stones.count() > 0) {
      sink.accept(new Case(product, "studio", "stone removed", Set.of("detail", "stone-tone"),
          finish(Alterations.removeLargestStone(ideal, stones))));
      sink.accept(new Case(product, "studio", "stones recoloured", Set.of("stone-tone"),
          finish(Alterations.recolourStones(ideal, stones))));
    }
    sink.accept(new Case(product, "studio", "extra stone", Set.of("detail"),
        finish(Alterations.addStone(ideal, metal, stones))));
    sink.accept(new Case(product, "studio", "mirrored", Set.of("silhouette", "detail"), finish(ideal.mirrored())));

    delivered("off-white background", Set.of("background", "background-border"),
        Alterations.replaceColour(finishedIdeal, WHITE, 0xFAFAF8), sink);
    delivered("small product", Set.of("fill"), Alterations.shrink(finishedIdeal, 0.6, WHITE), sink);
    delivered("cut by the frame", Set.of("in-frame"), Alterations.shiftLeft(finishedIdeal, 0.2, WHITE), sink);
    delivered("blur σ3", Set.of("sharpness"), Alterations.blur(finishedIdeal, 3 * scale), sink);
    delivered("corner watermark", Set.of("text"), Alterations.cornerWatermark(finishedIdeal), sink);
    delivered("diagonal watermark", Set.of("text"), Alterations.diagonalWatermark(finishedIdeal), sink);
    sink.accept(new Case(product, "studio", "JPEG quality 8", Set.of("compression"), Alterations.jpeg(finishedIdeal, 0.08f)));
  }

  /** A delivered file: the altered pixels saved as the channel's usual JPEG. */
  private void delivered(String label, Set<String> targets, RgbImage altered, Consumer<Case> sink) {
    sink.accept(new Case(product, "studio", label, targets, Alterations.jpeg(altered, preset.quality())));
  }

  /** The channel's finished file, decoded as QA reads it. */
  private RgbImage finish(RgbImage candidate) {
    byte[] bytes = finisher.finish(candidate, references.signature().metal(), preset, DigitalSourceType.COMPOSITE_SYNTHETIC).bytes();
    try {
      return ImageDecoder.decode(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isSameFamily(String a, String b) {
    boolean whiteA = !a.contains("yellow") && !a.contains("rose"), whiteB = !b.contains("yellow") && !b.contains("rose");
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
