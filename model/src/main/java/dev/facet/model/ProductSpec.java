package dev.facet.model;

import java.util.List;

/**
 * What the piece is, in the seller's words. Everything a prompt may say about the product comes
 * from here; nothing is invented.
 *
 * @param sku the seller's stock-keeping unit, also the shoot's workflow id suffix
 * @param name display name
 * @param type e.g. "ring", "pendant", "earrings", "bracelet"
 * @param metal e.g. "18k yellow gold"
 * @param stones stones by kind, empty for metal-only pieces
 * @param setting e.g. "six-prong solitaire", may be empty
 * @param engraving engraving text, may be empty
 */
public record ProductSpec(
    String sku,
    String name,
    String type,
    String metal,
    List<Stone> stones,
    String setting,
    String engraving) {

  public ProductSpec {
    stones = stones == null ? List.of() : List.copyOf(stones);
    setting = setting == null ? "" : setting;
    engraving = engraving == null ? "" : engraving;
  }
}
