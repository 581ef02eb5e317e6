package dev.facet.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;

/** The token counts OpenAI bills an image by ({@code usage} of the response). */
public record ImageUsage(
    long inputTokens,
    long inputImageTokens,
    long inputTextTokens,
    long outputTokens,
    long totalTokens) {

  static ImageUsage from(JsonNode usage) {
    return new ImageUsage(
        usage.path("input_tokens").asLong(),
        usage.path("input_tokens_details").path("image_tokens").asLong(),
        usage.path("input_tokens_details").path("text_tokens").asLong(),
        usage.path("output_tokens").asLong(),
        usage.path("total_tokens").asLong());
  }
}
