package dev.facet.devkit.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.devkit.providers.Multipart.Part;
import dev.facet.json.FacetJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An OpenAI image request as the fake read it, from JSON or a multipart form. */
record ImageCall(
    Map<String, String> fields,
    List<Part> images,
    Part mask,
    List<Part> files,
    String defaultModel) {

  /** Generations: the JSON body. */
  static ImageCall fromJson(byte[] body) {
    JsonNode json;
    try {
      json = FacetJson.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("We could not parse the JSON body of your request.");
    }
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("We could not parse the JSON body of your request.");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    json.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
    return new ImageCall(fields, List.of(), null, List.of(), null);
  }

  /** Edits: {@code image} or repeated {@code image[]} files, an optional {@code mask}. */
  static ImageCall fromMultipart(String contentType, byte[] body) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<Part> images = new ArrayList<>();
    List<Part> files = new ArrayList<>();
    Part mask = null;
    for (Part part : Multipart.parse(contentType, body)) {
      if (part.isFile()) {
        files.add(part);
      }
      if (part.name().equals("image") || part.name().equals("image[]")) {
        if (!part.isFile()) {
          throw new IllegalArgumentException(
              "Invalid type for '" + part.name() + "': expected a file, but got a string instead.");
        }
        images.add(part);
      } else if (part.name().equals("mask")) {
        mask = part;
      } else if (!part.isFile()) {
        fields.put(part.name(), part.text());
      }
    }
    return new ImageCall(fields, images, mask, files, "gpt-image-1.5");
  }

  String model() {
    return fields.getOrDefault("model", defaultModel);
  }

  String prompt() {
    return fields.getOrDefault("prompt", "");
  }

  int n() {
    try {
      return Integer.parseInt(fields.getOrDefault("n", "1"));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  String size() {
    return fields.getOrDefault("size", defaultModel == null ? "auto" : "1024x1024");
  }

  String quality() {
    return fields.getOrDefault("quality", "auto");
  }

  /** What {@code auto} became: the fake picks medium. */
  String effectiveQuality() {
    return quality().equals("auto") || quality().equals("standard") ? "medium" : quality();
  }

  String background() {
    return fields.getOrDefault("background", "auto");
  }

  String outputFormat() {
    return fields.getOrDefault("output_format", "png");
  }

  String inputFidelity() {
    return fields.get("input_fidelity");
  }

  boolean stream() {
    return Boolean.parseBoolean(fields.getOrDefault("stream", "false"));
  }

  int partialImages() {
    try {
      return Math.max(0, Math.min(3, Integer.parseInt(fields.getOrDefault("partial_images", "0"))));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  int width() {
    int[] wh = parseSize(size());
    return wh == null ? 1024 : wh[0];
  }

  int height() {
    int[] wh = parseSize(size());
    return wh == null ? 1024 : wh[1];
  }

  /** {@code WxH} as two ints, or null ({@code auto}, garbage). */
  static int[] parseSize(String size) {
    String[] parts = size.split("x");
    if (parts.length != 2) {
      return null;
    }
    try {
      return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
