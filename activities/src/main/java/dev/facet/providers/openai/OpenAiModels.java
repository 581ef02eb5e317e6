package dev.facet.providers.openai;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The GPT Image models Facet runs, with what each accepts and when OpenAI shut it down: the one
 * table a request is checked against before anything is paid (checked 2026-12-05; sources in {@code
 * prices.csv} and the README's provider table).
 *
 * <ul>
 *   <li>{@code input_fidelity}: {@code high} and {@code low} on {@code gpt-image-1} and {@code
 *       gpt-image-1.5}; {@code gpt-image-1-mini} refuses {@code high}; {@code gpt-image-2} refuses
 *       the parameter ({@code 400 invalid_input_fidelity_model}) and always works from its input
 *       images at high fidelity.
 *   <li>{@code quality}: {@code low}, {@code medium}, {@code high}, {@code auto} on every one.
 *   <li>sizes: {@code 1024x1024}, {@code 1536x1024}, {@code 1024x1536}, {@code auto}; {@code
 *       gpt-image-2} takes any {@code WxH} with both sides divisible by 16, an aspect from 1:3 to
 *       3:1 and at most 3840x2160.
 *   <li>shut down: {@code gpt-image-1} on 2026-10-23; {@code gpt-image-1.5} (and its snapshot),
 *       {@code gpt-image-1-mini} and {@code chatgpt-image-latest} on 2026-12-01.
 * </ul>
 */
public final class OpenAiModels {

  /**
   * One model.
   *
   * @param id as the API spells it
   * @param inputFidelities the {@code input_fidelity} values it takes; empty when it takes none
   * @param anySize whether it takes any size within {@code gpt-image-2}'s rules, not just the
   *     standard ones
   * @param shutDown the day OpenAI stopped serving it; null while it is served
   */
  public record Model(String id, Set<String> inputFidelities, boolean anySize, LocalDate shutDown) {

    public boolean servedOn(LocalDate day) {
      return shutDown == null || day.isBefore(shutDown);
    }
  }

  /** What every GPT Image model takes as {@code quality}. */
  public static final Set<String> QUALITIES = Set.of("low", "medium", "high", "auto");

  /** The sizes every GPT Image model takes. */
  public static final Set<String> STANDARD_SIZES =
      Set.of("1024x1024", "1536x1024", "1024x1536", "auto");

  /** What OpenAI recommends instead of a model it shut down, and what Facet runs by default. */
  public static final String CURRENT = "gpt-image-2";

  private static final LocalDate IMAGE_1_SHUTDOWN = LocalDate.of(2026, 10, 23);
  private static final LocalDate IMAGE_1_5_SHUTDOWN = LocalDate.of(2026, 12, 1);

  private static final List<Model> KNOWN =
      List.of(
          new Model("gpt-image-2", Set.of(), true, null),
          new Model("gpt-image-2-2026-04-21", Set.of(), true, null),
          new Model("gpt-image-1.5", Set.of("high", "low"), false, IMAGE_1_5_SHUTDOWN),
          new Model("gpt-image-1.5-2025-12-16", Set.of("high", "low"), false, IMAGE_1_5_SHUTDOWN),
          new Model("chatgpt-image-latest", Set.of("high", "low"), false, IMAGE_1_5_SHUTDOWN),
          new Model("gpt-image-1-mini", Set.of("low"), false, IMAGE_1_5_SHUTDOWN),
          new Model("gpt-image-1", Set.of("high", "low"), false, IMAGE_1_SHUTDOWN));

  private OpenAiModels() {}

  public static Optional<Model> find(String id) {
    return KNOWN.stream().filter(model -> model.id().equals(id)).findFirst();
  }

  /**
   * The {@code input_fidelity} to send to {@code model}: {@code configured} when the model takes
   * it, else none (the parameter is left out). A model Facet does not know keeps it; it is refused
   * before any call ({@link #problem}).
   */
  public static String inputFidelity(String model, String configured) {
    Optional<Model> known = find(model);
    if (configured == null || known.isEmpty()) {
      return configured;
    }
    return known.get().inputFidelities().contains(configured) ? configured : null;
  }

  /**
   * Why a request with {@code options} cannot go to OpenAI on {@code day}, in words a person can
   * act on; empty when it can. Prices are {@link OpenAiPrices}' to judge.
   */
  public static Optional<String> problem(OpenAiImageOptions options, LocalDate day) {
    String id = options.model();
    Optional<Model> found = find(id);
    if (found.isEmpty()) {
      return Optional.of("OpenAI model '" + id + "' is not one Facet runs; it runs " + served(day));
    }
    Model model = found.get();
    if (!model.servedOn(day)) {
      return Optional.of(
          "OpenAI shut '"
              + id
              + "' down on "
              + model.shutDown()
              + "; use "
              + CURRENT
              + " (openai:"
              + CURRENT
              + ", or facet.providers.openai.model="
              + CURRENT
              + ")");
    }
    if (!QUALITIES.contains(options.quality())) {
      return Optional.of(
          "OpenAI model '"
              + id
              + "' takes quality "
              + String.join(", ", QUALITIES.stream().sorted().toList())
              + ", not '"
              + options.quality()
              + "'");
    }
    if (!sizeFits(model, options.size())) {
      return Optional.of(
          "OpenAI model '"
              + id
              + "' takes "
              + (model.anySize()
                  ? "sizes WxH with both sides divisible by 16, an aspect from 1:3 to 3:1 and at most"
                      + " 3840x2160"
                  : "the sizes " + String.join(", ", STANDARD_SIZES.stream().sorted().toList()))
              + ", not '"
              + options.size()
              + "'");
    }
    return Optional.empty();
  }

  /** The models served on {@code day}, for a message. */
  static String served(LocalDate day) {
    return KNOWN.stream()
        .filter(model -> model.servedOn(day))
        .map(Model::id)
        .collect(Collectors.joining(", "));
  }

  private static boolean sizeFits(Model model, String size) {
    if (STANDARD_SIZES.contains(size)) {
      return true;
    }
    if (!model.anySize()) {
      return false;
    }
    String[] sides = size.split("x");
    try {
      int width = Integer.parseInt(sides[0]);
      int height = Integer.parseInt(sides[1]);
      int longer = Math.max(width, height);
      int shorter = Math.min(width, height);
      return sides.length == 2
          && width % 16 == 0
          && height % 16 == 0
          && shorter > 0
          && longer <= 3840
          && shorter <= 2160
          && longer <= 3 * shorter;
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return false;
    }
  }
}
