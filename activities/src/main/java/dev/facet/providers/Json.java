package dev.facet.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facet.json.FacetJson;
import java.io.IOException;
import java.util.Optional;

/** Provider bodies as JSON trees. */
public final class Json {

  /** {@link FacetJson#MAPPER} under its old name, which the fake providers still use. */
  public static final ObjectMapper MAPPER = FacetJson.MAPPER;

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
