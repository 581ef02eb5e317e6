package dev.facet.providers;

import dev.facet.steps.GenerateRequest;

/**
 * How a paid generator is told about the collection's style reference: as the last input image,
 * with one sentence in the prompt saying what it is for.
 */
final class StyleReference {

  private static final String INSTRUCTION =
      " The last image shows the collection's style: match its backdrop, light and framing; the"
          + " piece itself is the one in the other images.";

  private StyleReference() {}

  static boolean present(GenerateRequest request) {
    return request.styleReference() != null;
  }

  /** The prompt, with the instruction when the style reference goes along with it. */
  static String prompt(GenerateRequest request, boolean sent) {
    return sent ? request.prompt().prompt() + INSTRUCTION : request.prompt().prompt();
  }
}
