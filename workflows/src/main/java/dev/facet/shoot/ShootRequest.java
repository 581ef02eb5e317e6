package dev.facet.shoot;

import dev.facet.model.ImageRef;
import dev.facet.model.ProductSpec;
import dev.facet.model.ReferencePhoto;
import dev.facet.model.StyleGuide;
import java.util.List;

/**
 * Input of a {@link ProductShootWorkflow}. Only {@code product} and {@code photos} are required, so
 * a shoot can be started by hand from the Temporal CLI or Web UI with a short JSON body.
 *
 * @param product what the piece is
 * @param photos the seller's reference photos (already uploaded)
 * @param style the collection's look; the white studio look when absent
 * @param policy how decisions are taken; {@link ShootPolicy#defaults()} when absent
 * @param catalogId the catalog this shoot belongs to, or empty
 * @param styleReference the collection's first approved hero image, or {@code null}: generators
 *     that take extra images are shown it, so the collection looks like one set
 */
public record ShootRequest(
    ProductSpec product,
    List<ReferencePhoto> photos,
    StyleGuide style,
    ShootPolicy policy,
    String catalogId,
    ImageRef styleReference) {

  /** A shoot without a style reference. */
  public ShootRequest(
      ProductSpec product,
      List<ReferencePhoto> photos,
      StyleGuide style,
      ShootPolicy policy,
      String catalogId) {
    this(product, photos, style, policy, catalogId, null);
  }

  public ShootRequest {
    photos = photos == null ? List.of() : List.copyOf(photos);
    style = style == null ? StyleGuide.whiteStudio() : style;
    policy = policy == null ? ShootPolicy.defaults() : policy;
    catalogId = catalogId == null ? "" : catalogId;
  }
}
