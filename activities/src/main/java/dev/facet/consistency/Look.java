package dev.facet.consistency;

/**
 * How one finished photo looks, in the three things a collection must hold constant.
 *
 * @param sku the product
 * @param image the object key of the measured photo
 * @param backdropLightness CIE L* of the backdrop, 0..100
 * @param backdropKelvin correlated colour temperature of the backdrop (McCamy), in kelvin
 * @param productScale the product's longest bounding-box side over the frame's longest side
 */
public record Look(
    String sku,
    String image,
    double backdropLightness,
    double backdropKelvin,
    double productScale) {}
