package dev.facet.consistency;

import java.io.IOException;

/** Measures how a finished photo looks; {@link LookMeasurer} is Facet's. */
@FunctionalInterface
public interface LookMeasure {

  /**
   * @throws IOException when the bytes are not a decodable image
   * @throws IllegalArgumentException when no product can be found in the photo
   */
  Look measure(String sku, String key, byte[] photo) throws IOException;
}
