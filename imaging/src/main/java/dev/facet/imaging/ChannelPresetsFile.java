package dev.facet.imaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.json.FacetJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A channel presets document: {@code {"about", "defaults": {…}, "presets": {"name": {…}}}}. Every
 * preset starts from {@code defaults} (or, with {@code "extends": "other"}, from that preset) and
 * overrides fields. A user document merged over the built-in one changes presets of the same name
 * field by field, adds new ones and may change the defaults. Unknown fields are errors, so a typo
 * never silently falls back to a default.
 */
public final class ChannelPresetsFile {

  static final String RESOURCE = "/dev/facet/imaging/channel-presets.json";

  private static final Set<String> TOP_FIELDS = Set.of("about", "defaults", "presets");
  private static final Set<String> PRESET_FIELDS =
      Set.of(
          "about",
          "extends",
          "width",
          "height",
          "minLongSide",
          "background",
          "fill",
          "shadow",
          "reflection",
          "format",
          "quality",
          "sharpen",
          "qa");
  private static final int MAX_SIDE = 10_000;

  private final String source;
  private final ObjectNode defaults;
  private final Map<String, ObjectNode> presets;

  private ChannelPresetsFile(String source, ObjectNode defaults, Map<String, ObjectNode> presets) {
    this.source = source;
    this.defaults = defaults;
    this.presets = presets;
  }

  public static ChannelPresetsFile builtIn() {
    try (InputStream in = ChannelPresetsFile.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("built-in " + RESOURCE + " is missing from the classpath");
      }
      return parse("built-in channel-presets.json", in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a document; structural errors name the source and the field. */
  public static ChannelPresetsFile parse(String source, byte[] json) {
    JsonNode root;
    try {
      // A key given twice is a typo in a hand-written file, not a choice of the later value.
      root =
          FacetJson.MAPPER
              .reader()
              .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .readTree(json);
    } catch (JsonProcessingException e) {
      throw new ChannelPresetException(
          source,
          "not valid JSON: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw new ChannelPresetException(source, "must be a JSON object with \"presets\"");
    }
    requireKnownFields(source, "the document", root, TOP_FIELDS);
    ObjectNode defaults = optionalObject(source, "defaults", root.get("defaults"));
    requireKnownFields(source, "defaults", defaults, PRESET_FIELDS);
    ObjectNode presetsNode = optionalObject(source, "presets", root.get("presets"));
    Map<String, ObjectNode> presets = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = presetsNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (!name.matches("[a-z0-9][a-z0-9-]{0,39}")) {
        throw new ChannelPresetException(
            source,
            "preset name \""
                + name
                + "\" must be 1-40 lower-case letters, digits or dashes (it becomes part of file names)");
      }
      ObjectNode preset = object(source, "preset \"" + name + "\"", e.getValue());
      requireKnownFields(source, "preset \"" + name + "\"", preset, PRESET_FIELDS);
      presets.put(name, preset);
    }
    return new ChannelPresetsFile(source, defaults, presets);
  }

  /** This document with the user file at {@code path} merged over it. */
  public ChannelPresetsFile mergedWith(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new ChannelPresetException(path.toString(), "cannot be read (" + e + ")");
    }
    return mergedWith(parse(path.toString(), bytes));
  }

  public ChannelPresetsFile mergedWith(ChannelPresetsFile user) {
    ObjectNode mergedDefaults = merge(defaults, user.defaults);
    Map<String, ObjectNode> merged = new LinkedHashMap<>(presets);
    user.presets.forEach((name, node) -> merged.merge(name, node, ChannelPresetsFile::merge));
    return new ChannelPresetsFile(source + " + " + user.source, mergedDefaults, merged);
  }

  /** Every preset, resolved and validated. */
  public List<ChannelPreset> presets() {
    List<ChannelPreset> out = new ArrayList<>();
    for (String name : presets.keySet()) {
      out.add(toPreset(name, resolve(name, new HashSet<>())));
    }
    return out;
  }

  /** The preset's own fields over its base: the defaults, or the preset it extends. */
  private ObjectNode resolve(String name, Set<String> seen) {
    if (!seen.add(name)) {
      throw new ChannelPresetException(
          source, "preset \"" + name + "\" extends itself through " + seen);
    }
    ObjectNode own = presets.get(name);
    JsonNode parent = own.get("extends");
    ObjectNode base = defaults;
    if (parent != null) {
      if (!parent.isTextual() || !presets.containsKey(parent.asText())) {
        throw new ChannelPresetException(
            source,
            "preset \""
                + name
                + "\" extends \""
                + parent.asText()
                + "\", which is not a preset; known: "
                + String.join(", ", presets.keySet()));
      }
      base = resolve(parent.asText(), seen);
    }
    ObjectNode resolved = merge(base, own);
    resolved.remove("extends");
    return resolved;
  }

  /**
   * {@code over} merged into a copy of {@code base}: objects field by field, anything else
   * replaced.
   */
  private static ObjectNode merge(ObjectNode base, ObjectNode over) {
    ObjectNode out = base.deepCopy();
    over.fields()
        .forEachRemaining(
            e -> {
              JsonNode old = out.get(e.getKey());
              out.set(
                  e.getKey(),
                  old instanceof ObjectNode o && e.getValue() instanceof ObjectNode n
                      ? merge(o, n)
                      : e.getValue().deepCopy());
            });
    return out;
  }

  private ChannelPreset toPreset(String name, ObjectNode node) {
    Fields f = new Fields(source, name, node, "");
    Fields fill = f.nested("fill", Set.of("target", "min"));
    double target = fill.number("target", 0.05, 0.98);
    double min = fill.number("min", 0.0, 0.98);
    if (min > target) {
      throw f.error("fill.min (" + min + ") must not exceed fill.target (" + target + ")");
    }
    Fields sharpen = f.nested("sharpen", Set.of("amount", "sigma"));
    return new ChannelPreset(
        name,
        node.path("about").asText(""),
        f.integer("width", 1, MAX_SIDE),
        f.integer("height", 1, MAX_SIDE),
        f.integer("minLongSide", 1, MAX_SIDE),
        f.colour("background"),
        target,
        min,
        f.bool("shadow"),
        f.bool("reflection"),
        f.format("format"),
        (float) f.number("quality", 0.05, 1.0),
        sharpen.number("amount", 0, 3),
        sharpen.number("sigma", 0.3, 5),
        f.qa("qa"));
  }

  /** The object, or an empty one when absent: a user file may change only what it names. */
  private static ObjectNode optionalObject(String source, String what, JsonNode node) {
    if (node == null) {
      return FacetJson.MAPPER.createObjectNode();
    }
    return object(source, what, node);
  }

  private static ObjectNode object(String source, String what, JsonNode node) {
    if (!node.isObject()) {
      throw new ChannelPresetException(source, what + " must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private static void requireKnownFields(
      String source, String what, JsonNode node, Set<String> known) {
    node.fieldNames()
        .forEachRemaining(
            field -> {
              if (!known.contains(field)) {
                throw new ChannelPresetException(
                    source,
                    what
                        + ": unknown field \""
                        + field
                        + "\"; known fields: "
                        + String.join(", ", known.stream().sorted().toList()));
              }
            });
  }

  /**
   * Typed, range-checked reads of one resolved preset's fields.
   *
   * @param path prefix of the field names in messages, e.g. "fill."
   */
  private record Fields(String source, String preset, ObjectNode node, String path) {

    ChannelPresetException error(String problem) {
      return new ChannelPresetException(source, "preset \"" + preset + "\": " + problem);
    }

    /** The object in {@code field}, which may hold only the {@code known} fields. */
    Fields nested(String field, Set<String> known) {
      ObjectNode inner = object(field);
      requireKnownFields(source, "preset \"" + preset + "\" " + path + field, inner, known);
      return new Fields(source, preset, inner, path + field + ".");
    }

    private JsonNode required(String field) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        throw error(path + field + " is missing (and not in the defaults)");
      }
      return v;
    }

    int integer(String field, int min, int max) {
      JsonNode v = required(field);
      if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
        throw error(
            path + field + " must be a whole number from " + min + " to " + max + ", was " + v);
      }
      return v.asInt();
    }

    double number(String field, double min, double max) {
      JsonNode v = required(field);
      if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
        throw error(path + field + " must be a number from " + min + " to " + max + ", was " + v);
      }
      return v.asDouble();
    }

    boolean bool(String field) {
      JsonNode v = required(field);
      if (!v.isBoolean()) {
        throw error(path + field + " must be true or false, was " + v);
      }
      return v.asBoolean();
    }

    ObjectNode object(String field) {
      JsonNode v = required(field);
      if (!v.isObject()) {
        throw error(path + field + " must be a JSON object, was " + v);
      }
      return (ObjectNode) v;
    }

    int colour(String field) {
      String v = required(field).asText();
      if (!v.matches("#[0-9a-fA-F]{6}")) {
        throw error(path + field + " must be a colour as \"#rrggbb\", was \"" + v + "\"");
      }
      return RgbImage.parseHex(v);
    }

    ImageFormat format(String field) {
      String v = required(field).asText().toLowerCase(Locale.ROOT);
      return switch (v) {
        case "jpeg", "jpg" -> ImageFormat.JPEG;
        case "webp" -> ImageFormat.WEBP;
        default -> throw error(path + field + " must be \"jpeg\" or \"webp\", was \"" + v + "\"");
      };
    }

    Map<QaCheckName, QaRule> qa(String field) {
      ObjectNode rules = object(field);
      Map<QaCheckName, QaRule> out = new EnumMap<>(QaCheckName.class);
      rules
          .fields()
          .forEachRemaining(
              e -> {
                QaCheckName check =
                    QaCheckName.of(e.getKey())
                        .orElseThrow(
                            () ->
                                error(
                                    "qa names unknown check \""
                                        + e.getKey()
                                        + "\"; checks: "
                                        + String.join(
                                            ", ",
                                            Arrays.stream(QaCheckName.values())
                                                .map(QaCheckName::id)
                                                .toList())));
                if (check == QaCheckName.PRODUCT) {
                  throw error(
                      "qa cannot change \"product\": an image without a product always fails");
                }
                String rule = e.getValue().asText().toUpperCase(Locale.ROOT);
                try {
                  out.put(check, QaRule.valueOf(rule));
                } catch (IllegalArgumentException ex) {
                  throw error(
                      "qa."
                          + e.getKey()
                          + " must be \"block\", \"warn\" or \"off\", was "
                          + e.getValue());
                }
              });
      return out;
    }
  }
}
