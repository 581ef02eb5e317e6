package dev.facet.steps;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Generator names: the values of {@code policy.providers}, {@code GenerateRequest.provider()} and
 * the rows of the provider report. A name is a provider, which runs its configured default model
 * ({@code flux}), or a provider and one of its models ({@code flux:flux-pro-1.1}), so one bake-off
 * can compare two models of the same provider. Every model of a provider shares the provider's task
 * queue ({@link TaskQueues#generation(String)}): its account's limits hold across models.
 */
public final class Providers {

  /** The built-in offline studio renderer; needs no key, has no models. */
  public static final String STUDIO = "studio";

  /** OpenAI GPT Image. */
  public static final String OPENAI = "openai";

  /** Black Forest Labs FLUX. */
  public static final String FLUX = "flux";

  /** Every provider a name may start with. */
  public static final List<String> ALL = List.of(STUDIO, OPENAI, FLUX);

  /** Model ids as the providers spell them: {@code gpt-image-1.5}, {@code flux-kontext-pro}. */
  private static final Pattern MODEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private static final char SEPARATOR = ':';

  private Providers() {}

  /** {@code flux} for {@code flux:flux-pro-1.1} and for {@code flux}. */
  /**
   * Whether a generator makes the same image from the same inputs: run again, it cannot come out
   * otherwise. The studio renderer; the paid models sample.
   */
  public static boolean deterministic(String name) {
    return STUDIO.equals(providerOf(name));
  }

  public static String providerOf(String name) {
    int separator = name.indexOf(SEPARATOR);
    return separator < 0 ? name : name.substring(0, separator);
  }

  /** {@code flux-pro-1.1} for {@code flux:flux-pro-1.1}; empty for {@code flux}. */
  public static Optional<String> modelOf(String name) {
    int separator = name.indexOf(SEPARATOR);
    return separator < 0 ? Optional.empty() : Optional.of(name.substring(separator + 1));
  }

  /** What is wrong with a name, in words a person can act on; empty when it is well formed. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("a generator name is empty");
    }
    String provider = providerOf(name);
    if (!ALL.contains(provider)) {
      return Optional.of(
          "'"
              + name
              + "' is no generator; the generators are "
              + String.join(", ", ALL)
              + ", optionally with a model, e.g. flux:flux-pro-1.1");
    }
    Optional<String> model = modelOf(name);
    if (model.isPresent() && provider.equals(STUDIO)) {
      return Optional.of("'" + name + "': the studio renderer has no models; name it 'studio'");
    }
    if (model.isPresent() && !MODEL.matcher(model.get()).matches()) {
      return Optional.of(
          "'"
              + name
              + "' names no model after ':'; models are spelled as the "
              + "provider does, e.g. openai:gpt-image-2 or flux:flux-kontext-pro");
    }
    return Optional.empty();
  }
}
