package dev.facet.catalogstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.facet.json.FacetJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON of outcomes and reports: indented, because people open them; unknown fields ignored, so
 * a newer Facet's files stay readable.
 */
public final class CatalogJson {

  private CatalogJson() {}

  public static byte[] write(Object value) {
    try {
      return FacetJson.PRETTY.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  public static <T> T read(byte[] json, Class<T> type) {
    try {
      return FacetJson.MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Not a readable " + type.getSimpleName(), e);
    }
  }
}
