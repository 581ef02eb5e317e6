package dev.facet.shoot;

import dev.facet.model.ShotPrompt;
import java.util.regex.Pattern;

/**
 * The prompt retried once after a provider's moderation refused it: any mention of people or bodies
 * (the usual trigger for jewelry) removed, and the request stated as a plain product still life.
 * The workflow softens the prompt written without reviewer feedback.
 */
final class SoftenedPrompt {

  private static final Pattern PEOPLE =
      Pattern.compile(
          "(?i)\\b(model|models|woman|women|man|men|person|people|girl|boy|hand|hands|finger|"
              + "fingers|neck|wrist|ear|ears|skin|body|wearing|worn|lips|face)\\b[^,.;]*[,.;]?");

  private static final String STILL_LIFE =
      "Product-only still life photograph of a piece of jewelry on a plain studio backdrop. ";

  private SoftenedPrompt() {}

  static ShotPrompt of(ShotPrompt prompt) {
    String text = PEOPLE.matcher(prompt.prompt()).replaceAll("").strip();
    return new ShotPrompt(prompt.shot(), STILL_LIFE + text);
  }
}
