package dev.facet.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.catalog.ShootOverrides;
import dev.facet.json.FacetJson;
import dev.facet.model.ProductSpec;
import dev.facet.model.ReferencePhoto;
import dev.facet.model.Stone;
import java.util.List;

/**
 * Writes a manifest as JSON in the form {@link ManifestReader} reads, with photos as object keys:
 * what {@code run} stores for its catalog once it has uploaded the photos.
 */
public final class ManifestWriter {

  /**
   * A product to write, its photos already in the object store.
   *
   * @param overrides what the product changes about the catalog's policy
   */
  public record Product(ProductSpec spec, List<ReferencePhoto> photos, ShootOverrides overrides) {

    public Product {
      overrides = overrides == null ? ShootOverrides.NONE : overrides;
    }

    /** A product that keeps the catalog's policy. */
    public Product(ProductSpec spec, List<ReferencePhoto> photos) {
      this(spec, photos, ShootOverrides.NONE);
    }
  }

  private ManifestWriter() {}

  public static byte[] json(String catalogId, List<Product> products) {
    ObjectNode manifest = FacetJson.MAPPER.createObjectNode().put("id", catalogId);
    ArrayNode array = manifest.putArray("products");
    for (Product product : products) {
      ProductSpec spec = product.spec();
      ObjectNode node =
          array
              .addObject()
              .put("sku", spec.sku())
              .put("name", spec.name())
              .put("type", spec.type())
              .put("metal", spec.metal())
              .put("setting", spec.setting())
              .put("engraving", spec.engraving());
      ArrayNode stones = node.putArray("stones");
      for (Stone stone : spec.stones()) {
        stones
            .addObject()
            .put("type", stone.type())
            .put("count", stone.count())
            .put("cut", stone.cut())
            .put("colour", stone.colour());
      }
      ArrayNode photos = node.putArray("photos");
      product.photos().forEach(p -> photos.addObject().put("key", p.key()).put("angle", p.angle()));
      ShootOverrides overrides = product.overrides();
      if (!overrides.channels().isEmpty()) {
        overrides.channels().forEach(node.putArray("channels")::add);
      }
      if (!overrides.providers().isEmpty()) {
        overrides.providers().forEach(node.putArray("providers")::add);
      }
      if (overrides.variants() != null) {
        node.put("variants", overrides.variants());
      }
    }
    try {
      return FacetJson.PRETTY.writeValueAsBytes(manifest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a JSON tree", e);
    }
  }
}
