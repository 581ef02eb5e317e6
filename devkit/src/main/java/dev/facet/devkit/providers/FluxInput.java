package dev.facet.devkit.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.Set;

/**
 * A FLUX submit body as the fake read and validated it (docs/providers.md B.1-B.3): FastAPI-style,
 * so a violation names its field and a pydantic error type.
 *
 * @param inputImage the decoded {@code input_image}, or null
 * @param width output width the task will produce
 * @param height output height the task will produce
 */
record FluxInput(
    String model,
    String prompt,
    BufferedImage inputImage,
    int width,
    int height,
    String outputFormat,
    long seed,
    String webhookUrl,
    String webhookSecret) {

  private static final Set<String> FORMATS = Set.of("jpeg", "png", "webp");

  /** A 422 to answer. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String type;

    Invalid(String field, String message, String type) {
      super(message, null, false, false);
      this.field = field;
      this.type = type;
    }

    String field() {
      return field;
    }

    String type() {
      return type;
    }
  }

  static FluxInput read(String model, JsonNode body) throws Invalid {
    boolean kontext = model.startsWith("flux-kontext");
    boolean ultra = model.equals("flux-pro-1.1-ultra");
    String prompt = body.path("prompt").isTextual() ? body.get("prompt").asText() : "";
    if (kontext && prompt.isBlank()) {
      throw new Invalid("prompt", "Field required", "missing");
    }
    int tolerance = body.path("safety_tolerance").asInt(2);
    if (tolerance < 0 || tolerance > 6) {
      throw new Invalid(
          "safety_tolerance",
          "Input should be "
              + (tolerance < 0 ? "greater than or equal to 0" : "less than or equal to 6"),
          tolerance < 0 ? "greater_than_equal" : "less_than_equal");
    }
    String format =
        body.path("output_format").isTextual()
            ? body.get("output_format").asText()
            : (kontext ? "png" : "jpeg");
    if (!FORMATS.contains(format)) {
      throw new Invalid("output_format", "Input should be 'jpeg', 'png' or 'webp'", "enum");
    }
    BufferedImage input = null;
    if (body.path("input_image").isTextual()) {
      input = image(body.get("input_image").asText());
    }
    int width;
    int height;
    if (kontext || ultra) {
      double ratio =
          ratio(
              body.path("aspect_ratio")
                  .asText(
                      kontext && input != null
                          ? input.getWidth() + ":" + input.getHeight()
                          : ultra ? "16:9" : "1:1"));
      double pixels = ultra ? 4 * 1024 * 1024 : 1024 * 1024;
      width = round32(Math.sqrt(pixels * ratio));
      height = round32(pixels / width);
    } else {
      width = side(body, "width", 1024);
      height = side(body, "height", 768);
    }
    long seed = body.path("seed").isNumber() ? body.get("seed").asLong() : prompt.hashCode();
    return new FluxInput(
        model,
        prompt,
        input,
        width,
        height,
        format,
        seed,
        text(body, "webhook_url"),
        text(body, "webhook_secret"));
  }

  private static int side(JsonNode body, String name, int fallback) throws Invalid {
    int value = body.path(name).asInt(fallback);
    if (value % 32 != 0) {
      throw new Invalid(name, "Input should be a multiple of 32", "multiple_of");
    }
    if (value < 256) {
      throw new Invalid(name, "Input should be greater than or equal to 256", "greater_than_equal");
    }
    if (value > 1440) {
      throw new Invalid(name, "Input should be less than or equal to 1440", "less_than_equal");
    }
    return value;
  }

  private static double ratio(String aspect) throws Invalid {
    String[] parts = aspect.split(":");
    try {
      double ratio = Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
      if (parts.length == 2 && ratio >= 9.0 / 21 - 1e-9 && ratio <= 21.0 / 9 + 1e-9) {
        return ratio;
      }
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      // falls through to the 422
    }
    throw new Invalid("aspect_ratio", "Aspect ratio must be between 21:9 and 9:21", "value_error");
  }

  /** A URL cannot be fetched offline: the fake then renders instead of editing. */
  private static BufferedImage image(String value) throws Invalid {
    if (value.startsWith("http://") || value.startsWith("https://")) {
      return null;
    }
    String data = value.startsWith("data:") ? value.substring(value.indexOf(',') + 1) : value;
    try {
      return FakeImages.decode(Base64.getDecoder().decode(data))
          .orElseThrow(
              () -> new Invalid("input_image", "Input should be a valid image", "value_error"));
    } catch (IllegalArgumentException notBase64) {
      throw new Invalid("input_image", "Input should be a valid base64 image", "value_error");
    }
  }

  private static int round32(double value) {
    return (int) Math.max(32, Math.round(value / 32) * 32);
  }

  private static String text(JsonNode body, String name) {
    return body.path(name).isTextual() ? body.get(name).asText() : null;
  }
}
