package dev.facet.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.json.FacetJson;
import dev.facet.model.NameList;
import dev.facet.model.Stone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A manifest as JSON: {@code {"id": "…", "policy": "auto", "products": [ … ]}} or just the array of
 * products. A product has the CSV's fields; {@code stones} may also be an array of {@code {type,
 * count, cut, colour}} and {@code photos} an array of {@code "reference@angle"} strings or {@code
 * {path, angle}} / {@code {key, angle}} objects; its own {@code channels} and {@code providers} are
 * arrays of names (or one string of them) and {@code variants} a number. Read as a token stream so
 * every product knows its line.
 */
final class JsonManifestParser {

  /** What the file says besides its products. */
  record Parsed(Optional<String> id, String policy, List<ManifestRow> rows) {}

  /** Reads one product at a time from a longer stream, so what follows is no error. */
  private JsonManifestParser() {}

  /** Every product; what is wrong with the file as a whole goes to {@code problems}. */
  static Parsed parse(String text, Problems problems) {
    try (JsonParser parser = FacetJson.MAPPER.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_ARRAY) {
        return new Parsed(Optional.empty(), "", products(parser));
      }
      if (first != JsonToken.START_OBJECT) {
        problems.add(1, "expected {\"products\": [ … ]} or an array of products");
        return new Parsed(Optional.empty(), "", List.of());
      }
      return catalog(parser, problems);
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      problems.add(line, "not valid JSON: " + e.getOriginalMessage());
      return new Parsed(Optional.empty(), "", List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("Reading a string cannot fail", e);
    }
  }

  private static Parsed catalog(JsonParser parser, Problems problems) throws IOException {
    Optional<String> id = Optional.empty();
    String policy = "";
    List<ManifestRow> rows = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      int line = parser.currentTokenLocation().getLineNr();
      try {
        switch (name) {
          case "products" -> {
            if (value != JsonToken.START_ARRAY) {
              throw new IllegalArgumentException("\"products\" must be an array");
            }
            rows = products(parser);
          }
          case "id" -> id = Optional.of(string(FacetJson.MAPPER.readTree(parser), "id"));
          case "policy" -> policy = string(FacetJson.MAPPER.readTree(parser), "policy");
          default ->
              throw new IllegalArgumentException(
                  "unknown field \"" + name + "\"; a catalog has id, policy and products");
        }
      } catch (IllegalArgumentException e) {
        problems.add(line, e.getMessage());
        parser.skipChildren();
      }
    }
    if (rows == null) {
      problems.add(1, "the catalog has no \"products\" array");
      rows = List.of();
    }
    return new Parsed(id, policy, rows);
  }

  private static List<ManifestRow> products(JsonParser parser) throws IOException {
    List<ManifestRow> rows = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      int line = parser.currentTokenLocation().getLineNr();
      JsonNode product = FacetJson.MAPPER.readTree(parser);
      try {
        rows.add(row(line, product));
      } catch (IllegalArgumentException e) {
        rows.add(ManifestRow.unreadable(line, e.getMessage()));
      }
    }
    return rows;
  }

  private static ManifestRow row(int line, JsonNode product) {
    if (!product.isObject()) {
      throw new IllegalArgumentException("a product must be an object, not " + product);
    }
    for (Map.Entry<String, JsonNode> field : product.properties()) {
      if (!CsvManifestParser.COLUMNS.contains(field.getKey())) {
        throw new IllegalArgumentException(
            "unknown field \""
                + field.getKey()
                + "\"; a product has "
                + String.join(", ", CsvManifestParser.COLUMNS));
      }
    }
    return new ManifestRow(
        line,
        string(product.get("sku"), "sku"),
        string(product.get("name"), "name"),
        string(product.get("type"), "type"),
        string(product.get("metal"), "metal"),
        stones(product.get("stones")),
        string(product.get("setting"), "setting"),
        string(product.get("engraving"), "engraving"),
        photos(product.get("photos")),
        string(product.get("policy"), "policy"),
        names(product.get("channels"), "channels"),
        names(product.get("providers"), "providers"),
        number(product.get("variants"), "variants"),
        null);
  }

  /** An array of names, or one string of them as a CSV cell has it; empty when absent. */
  private static List<String> names(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return NameList.cell(node.textValue());
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(
          "\"" + field + "\" must be an array of names, e.g. [\"etsy\", \"amazon\"], not " + node);
    }
    List<String> names = new ArrayList<>();
    for (JsonNode name : node) {
      names.add(string(name, field));
    }
    return NameList.of(names);
  }

  /** A whole number as written, for the reader's rule; empty when absent. */
  private static String number(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (node.isNumber() || node.isTextual()) {
      return node.asText().strip();
    }
    throw new IllegalArgumentException("\"" + field + "\" must be a number, not " + node);
  }

  private static List<Stone> stones(JsonNode stones) {
    if (stones == null || stones.isNull()) {
      return List.of();
    }
    if (stones.isTextual()) {
      return StoneList.parse(stones.textValue());
    }
    if (!stones.isArray()) {
      throw new IllegalArgumentException(
          "\"stones\" must be an array of {type, count, cut, colour} or a string of "
              + StoneList.FORMAT);
    }
    List<Stone> parsed = new ArrayList<>();
    for (JsonNode stone : stones) {
      JsonNode count = stone.get("count");
      if (count != null && !(count.isInt() && count.intValue() >= 1)) {
        throw new IllegalArgumentException("a stone's count must be a whole number of at least 1");
      }
      String type = string(stone.get("type"), "stone type");
      if (type.isBlank()) {
        throw new IllegalArgumentException("every stone needs a \"type\", e.g. \"diamond\"");
      }
      parsed.add(
          new Stone(
              type,
              count == null ? 1 : count.intValue(),
              string(stone.get("cut"), "stone cut"),
              string(stone.get("colour"), "stone colour")));
    }
    return parsed;
  }

  private static List<PhotoReference> photos(JsonNode photos) {
    if (photos == null || photos.isNull()) {
      return List.of();
    }
    if (!photos.isArray()) {
      throw new IllegalArgumentException(
          "\"photos\" must be an array of \"reference@angle\" strings or {path, angle} objects");
    }
    List<PhotoReference> parsed = new ArrayList<>();
    for (JsonNode photo : photos) {
      if (photo.isTextual()) {
        parsed.add(PhotoReference.parse(photo.textValue()));
      } else {
        // "key" for photos already in the object store (the shape POST /api/uploads answers).
        String field = photo.has("key") ? "key" : "path";
        parsed.add(
            new PhotoReference(
                string(photo.get(field), "photo " + field),
                string(photo.get("angle"), "photo angle")));
      }
    }
    return parsed;
  }

  /** The string value, empty when absent. */
  private static String string(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a string, not " + node);
    }
    return node.textValue().strip();
  }
}
