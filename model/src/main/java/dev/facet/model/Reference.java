package dev.facet.model;

import java.util.List;

/**
 * A validated, normalised reference photo and what capture measured on it.
 *
 * @param index position among the shoot's photos, from 0
 * @param angle the seller's angle tag
 * @param image the photo, upright and in sRGB
 * @param mask product mask, same size as {@code image}, white = product
 * @param view the product as QA and scoring compare it (a square crop of the piece, RGBA PNG, alpha
 *     = product), analysed once at capture; null for a reference captured before views were stored
 * @param productBox bounding box of the product in {@code image}
 * @param fill longest side of {@code productBox} over the frame side it lies along
 * @param metal median colour of the metal
 * @param sharpness variance of the Laplacian over the product, at the working resolution
 * @param warnings usable-but-poor findings, in words a seller can act on
 */
public record Reference(
    int index,
    String angle,
    ImageRef image,
    ImageRef mask,
    ImageRef view,
    Box productBox,
    double fill,
    Lab metal,
    double sharpness,
    List<String> warnings) {

  public Reference {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
