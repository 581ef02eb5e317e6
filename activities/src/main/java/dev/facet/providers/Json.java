package dev.facet.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.json.FacetJson;
import java.io.IOException;
import java.util.Optional;

/** Provider bodies as JSON trees. */
public final class Json {

  private Json() {}

  /** The body as a JSON tree, or empty when it is not JSON (a proxy's HTML error page). */
  static Optional<JsonNode> tree(String body) {
    try {
      return Optional.ofNullable(FacetJson.MAPPER.readTree(body)).filter(n -> !n.isMissingNode());
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}
