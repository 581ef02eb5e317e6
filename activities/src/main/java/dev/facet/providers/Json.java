package dev.facet.providers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/** The JSON mapper of the provider clients: providers add fields, so unknown ones are ignored. */
public final class Json {

  public static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Json() {}

  /** The body as a JSON tree, or empty when it is not JSON (a proxy's HTML error page). */
  static Optional<JsonNode> tree(String body) {
    try {
      return Optional.ofNullable(MAPPER.readTree(body)).filter(n -> !n.isMissingNode());
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}
