package dev.facet.model;

/**
 * The product's colours, measured on the references, that every output is compared against.
 *
 * @param metal median metal colour over all references
 * @param stone median stone colour, or {@code null} for metal-only pieces
 */
public record ColourSignature(Lab metal, Lab stone) {}
