package dev.facet.catalog;

import dev.facet.model.Stone;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A catalog as JSON: {@code {"id": "…", "policy": "auto", "products": [ … ]}} or just the array
 * of products. A product has the CSV's fields; {@code stones} may also be an array of {@code
 * {type, count, cut, colour}} and {@code photos} an array of {@code "path@angle"} strings or
 * {@code {path, angle}} objects. Read as a token stream so every product knows its line.
 */
final class JsonCatalogParser {

  /** What the file says besides its products. */
  record Parsed(Optional<String> id, String policy, List<CatalogRow> rows) {}

  /** Reads one product at a time from a longer stream, so what follows is no error. */
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private JsonCatalogParser() {}

  static Parsed parse(String text, Problems problems) {
    try (JsonParser parser = MAPPER.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_ARRAY) {
        return new Parsed(Optional.empty(), "", products(parser, problems));
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
    }
  }

  private static Parsed catalog(JsonParser parser, Problems problems) {
    Optional<String> id = Optional.empty();
    String policy = "";
    List<CatalogRow> rows = null;
    for (String name = parser.nextName(); name != null; name = parser.nextName()) {
      JsonToken value = parser.nextToken();
      int line = parser.currentTokenLocation().getLineNr();
      try {
        switch (name) {
          case "products" -> {
            if (value != JsonToken.START_ARRAY) {
              throw new IllegalArgumentException("\"products\" must be an array");
            }
            rows = products(parser, problems);
          }
          case "id" -> id = Optional.of(string(MAPPER.readTree(parser), "id"));
          case "policy" -> policy = string(MAPPER.readTree(parser), "policy");
          default -> throw new IllegalArgumentException(
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

  private static List<CatalogRow> products(JsonParser parser, Problems problems) {
    List<CatalogRow> rows = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      int line = parser.currentTokenLocation().getLineNr();
      JsonNode product = MAPPER.readTree(parser);
      try {
        rows.add(row(line, product));
      } catch (IllegalArgumentException e) {
        problems.add(line, e.getMessage());
      }
    }
    return rows;
  }

  private static CatalogRow row(int line, JsonNode product) {
    if (!product.isObject()) {
      throw new IllegalArgumentException("a product must be an object, not " + product);
    }
    for (String field : product.propertyNames()) {
      if (!CsvCatalogParser.COLUMNS.contains(field)) {
        throw new IllegalArgumentException(
            "unknown field \""
                + field
                + "\"; a product has "
                + String.join(", ", CsvCatalogParser.COLUMNS));
      }
    }
    return new CatalogRow(
        line,
        string(product.get("sku"), "sku"),
        string(product.get("name"), "name"),
        string(product.get("type"), "type"),
        string(product.get("metal"), "metal"),
        stones(product.get("stones")),
        string(product.get("setting"), "setting"),
        string(product.get("engraving"), "engraving"),
        photos(product.get("photos")),
        string(product.get("policy"), "policy"));
  }

  private static List<Stone> stones(JsonNode stones) {
    if (stones == null || stones.isNull()) {
      return List.of();
    }
    if (stones.isString()) {
      return StoneList.parse(stones.stringValue());
    }
    if (!stones.isArray()) {
      throw new IllegalArgumentException(
          "\"stones\" must be an array of {type, count, cut, colour} or a string of "
              + StoneList.FORMAT);
    }
    List<Stone> parsed = new ArrayList<>();
    for (JsonNode stone : stones.values()) {
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

  private static List<PhotoSource> photos(JsonNode photos) {
    if (photos == null || photos.isNull()) {
      return List.of();
    }
    if (!photos.isArray()) {
      throw new IllegalArgumentException(
          "\"photos\" must be an array of \"path@angle\" strings or {path, angle} objects");
    }
    List<PhotoSource> parsed = new ArrayList<>();
    for (JsonNode photo : photos.values()) {
      try {
        parsed.add(
            photo.isString()
                ? PhotoSource.parse(photo.stringValue())
                : new PhotoSource(
                    Path.of(string(photo.get("path"), "photo path")),
                    string(photo.get("angle"), "photo angle")));
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("photo " + photo + " is not a valid path");
      }
    }
    return parsed;
  }

  /** The string value, empty when absent. */
  private static String string(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isString()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a string, not " + node);
    }
    return node.stringValue().strip();
  }
}
