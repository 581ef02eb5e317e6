package dev.facet.imaging.matte;

import dev.facet.imaging.BackdropModel;
import dev.facet.imaging.Mask;
import dev.facet.imaging.RgbImage;
import org.bytedeco.javacpp.PointerScope;

/**
 * Cuts the product out of a photo of it on a plain backdrop (white, grey or beige paper with
 * vignetting and shadows, or a generated studio background): {@link Cues} per pixel, the {@link
 * CoarseMask} on a working copy, then the {@link EdgeRefiner}'s soft, unmixed outline at full size.
 * No model weights: it reasons about what a backdrop and a shadow can look like, and calls the rest
 * product.
 */
public final class Matting {

  private final MattingSettings settings;

  public Matting(MattingSettings settings) {
    this.settings = settings;
  }

  public Matting() {
    this(MattingSettings.defaults());
  }

  /** The product's matte at the photo's own size; empty (all zero) when no product was found. */
  public ProductMatte find(RgbImage photo) {
    Found found = coarse(photo);
    return refine(photo, found.mask(), found.backdrop());
  }

  /**
   * The matte at the photo's own size from what {@link #coarse} found on its working copy (now or
   * in an earlier step): the soft, unmixed outline.
   */
  public ProductMatte refine(RgbImage photo, Mask coarse, BackdropModel backdrop) {
    try (PointerScope scope = new PointerScope()) {
      return EdgeRefiner.refine(photo, coarse, backdrop, settings);
    }
  }

  /**
   * The product's pixels on a working copy (longest side {@link MattingSettings#workingSide()}),
   * for measuring.
   */
  public Found coarse(RgbImage photo) {
    // A scope per step, so each step's native intermediates go as soon as it returns its arrays,
    // rather than all of them (hundreds of MB at 3000 px) at the end.
    Cues cues;
    try (PointerScope scope = new PointerScope()) {
      cues = Cues.of(photo, settings);
    }
    try (PointerScope scope = new PointerScope()) {
      return new Found(
          cues.work,
          new Mask(cues.width, cues.height, CoarseMask.find(cues, settings)),
          cues.backdrop);
    }
  }

  /**
   * The backdrop behind the product, fitted exactly as {@link #find} fits it (on the working copy),
   * so a retry that only re-measures gets the same colours as the first attempt.
   */
  public BackdropModel backdrop(RgbImage photo) {
    try (PointerScope scope = new PointerScope()) {
      return BackdropModel.fit(Cues.workingCopy(photo, settings.workingSide()))
          .at(photo.width(), photo.height());
    }
  }

  /** A working copy of a photo, the product's pixels on it and the backdrop behind it. */
  public record Found(RgbImage image, Mask mask, BackdropModel backdrop) {}
}
