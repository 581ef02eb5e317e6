package dev.facet.imaging.matte;

import dev.facet.imaging.CalibratedValues;

/**
 * The constants of the product matte, in configuration with the calibration that chose each one
 * ({@code matting.json}). Distances are in pixels of the working copy, whose longest side is {@link
 * #workingSide}; log ratios are natural logs of linear light over the backdrop's.
 *
 * @param workingSide longest side of the copy the product is found on
 * @param chromaMin least colour difference from the backdrop that counts as product colour
 * @param chromaNoiseFactor product colour is at least this many times the frame border's colour
 *     noise
 * @param chromaProductShare and at least this share of the product's own typical colour difference
 *     (so the tint a gold piece reflects into its shadow is not product colour)
 * @param brightLogRatio brighter than the backdrop by this much is a highlight
 * @param edgeLow lower hysteresis threshold of the outline edges, in multiples of the border's
 *     gradient noise
 * @param edgeHigh upper hysteresis threshold, likewise
 * @param edgeMinLength outline edges shorter than this are paper grain or shadow mottling
 * @param edgeCrispness least fine-to-coarse gradient ratio of an outline (a step reads 1, a
 *     penumbra 1/3)
 * @param bridgeRadius gaps in the outline narrower than twice this are bridged
 * @param linkLength breaks in the silhouette's outline up to this long are closed along its
 *     direction
 * @param colouredPiece a piece whose colour where it meets the paper is this many times the paper's
 *     colour noise has a colour of its own (gold), so an edge with floor on both sides is no
 *     outline of it
 * @param floorEdgeLength the stretch of an edge (px) over which most of it must have floor on both
 *     sides
 * @param holeLogRatio within this log ratio of the backdrop (and without product colour) a pixel
 *     looks like backdrop
 * @param holeBackdropShare an enclosed region is a hole (a ring's inside) when more than this share
 *     looks like backdrop
 * @param openingShare an enclosed region of at least this share of the piece is judged by its inner
 *     texture alone
 * @param shadowShare a region is cast shadow when more than this share of it is shadow-like
 * @param shadowChroma ... and its median colour is within this of the backdrop's (a shadow is a
 *     darker copy of it)
 * @param shadowTexture a shadow is smoother than this (mid-scale texture over the border's); metal
 *     is not
 * @param shadowRegionTexture a region between outlines is cast shadow only if its median texture is
 *     below this (the edges that bound a thin shadow raise its median above a pixel's bar)
 * @param shadowDetour the floor reaches a shadow about as directly as a straight line: a pixel it
 *     reaches only by a path longer than this many times the straight distance lies behind an
 *     outline (a metal face reached through a break in it)
 * @param umbraDepth a contact shadow's umbra is darker than the floor below it and than the piece
 *     above it by at least this (log of linear light)
 * @param umbraDark and darker than the backdrop by at least this (log of linear light)
 * @param umbraWidth the floor the flood gave to the piece under it, and the umbra itself, are each
 *     at most this tall (working px)
 * @param umbraFlatness the umbra's lightness varies by at most this down a column (standard
 *     deviation, log)
 * @param umbraLength the umbra runs along at least this share of the width of the piece it lies
 *     under
 * @param textureFloor the least border texture measured against: paper's grain, for backgrounds
 *     cleaner than paper
 * @param speckShare parts smaller than this share of the largest part are specks
 * @param edgeBand half-width of the band along the outline where the alpha is measured, full-size
 *     pixels
 * @param edgeColourSigma scale over which the colours on either side of the outline are estimated,
 *     full-size pixels
 * @param edgeContrast least product-backdrop colour difference (linear) at which the alpha is
 *     measured, not guessed
 * @param guidedRadius radius of the guided filter that snaps the alpha to the photo's edges,
 *     full-size pixels
 * @param guidedEps its regularisation: smaller follows edges more closely
 */
public record MattingSettings(
    int workingSide,
    double chromaMin,
    double chromaNoiseFactor,
    double chromaProductShare,
    double brightLogRatio,
    double edgeLow,
    double edgeHigh,
    int edgeMinLength,
    double edgeCrispness,
    int bridgeRadius,
    int linkLength,
    double colouredPiece,
    int floorEdgeLength,
    double holeLogRatio,
    double holeBackdropShare,
    double openingShare,
    double shadowShare,
    double shadowChroma,
    double shadowTexture,
    double shadowRegionTexture,
    double shadowDetour,
    double umbraDepth,
    double umbraDark,
    int umbraWidth,
    double umbraFlatness,
    double umbraLength,
    double textureFloor,
    double speckShare,
    int edgeBand,
    double edgeColourSigma,
    double edgeContrast,
    int guidedRadius,
    double guidedEps) {

  static final String RESOURCE = "/dev/facet/imaging/matting.json";

  private static final MattingSettings DEFAULTS =
      CalibratedValues.builtIn(MattingSettings.class, RESOURCE);

  public static MattingSettings defaults() {
    return DEFAULTS;
  }
}
