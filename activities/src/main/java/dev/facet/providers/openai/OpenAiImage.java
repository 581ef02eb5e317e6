package dev.facet.providers.openai;

import dev.facet.providers.GeneratedImage;

/** One image the API returned, with what it billed and the id OpenAI support asks for. */
public record OpenAiImage(GeneratedImage image, ImageUsage usage, String requestId) {}
