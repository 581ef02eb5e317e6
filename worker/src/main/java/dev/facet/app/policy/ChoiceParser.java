package dev.facet.app.policy;

import dev.facet.catalog.BudgetRaise;
import dev.facet.manifest.ManifestReader;
import dev.facet.model.NameList;
import dev.facet.shoot.ShootPolicy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@link ShootChoices} from text as a seller types it, for {@code run}'s options and the
 * API's parameters alike: one set of rules and messages, each naming the option as its surface
 * spells it ({@code --channels} or {@code 'channels'}). Whether the names mean a channel, a served
 * provider or a shot is checked where the catalog starts ({@link ShootPolicies}).
 */
public final class ChoiceParser {

  /**
   * The choices as typed; each null when not given.
   *
   * @param approval {@code auto} or {@code manual}
   * @param channels names separated by commas
   * @param providers generator names separated by commas, a fallback chain
   * @param variants candidates per shot, 1..10
   * @param shots shot names separated by commas
   * @param routing {@code auto}
   * @param bakeoff generator names separated by commas, each making every shot
   */
  public record Typed(
      String approval,
      String channels,
      String providers,
      String variants,
      String shots,
      String routing,
      String bakeoff) {}

  private final Function<String, String> spelling;
  private final Function<String, RuntimeException> refusal;

  /**
   * @param spelling how the surface spells an option's name: {@code channels} → {@code --channels}
   * @param refusal the surface's exception for a message
   */
  public ChoiceParser(
      Function<String, String> spelling, Function<String, RuntimeException> refusal) {
    this.spelling = spelling;
    this.refusal = refusal;
  }

  public ShootChoices parse(Typed typed) {
    return choices(
        approval(typed.approval()),
        names("channels", typed.channels()),
        names("providers", typed.providers()),
        variants(typed.variants()),
        names("shots", typed.shots()),
        routing(typed.routing()),
        names("bakeoff", typed.bakeoff()));
  }

  /**
   * The choices, each already read (empty when not given), as they go together: a bake-off's
   * providers are its chain, and it takes neither a chain of its own nor routing.
   */
  public ShootChoices choices(
      Optional<ShootPolicy.Approval> approval,
      List<String> channels,
      List<String> providers,
      Optional<Integer> variants,
      List<String> shots,
      boolean routing,
      List<String> bakeoff) {
    if (!providers.isEmpty() && !bakeoff.isEmpty()) {
      throw refuse(
          spell("bakeoff")
              + " names the providers of a bake-off; leave out "
              + spell("providers")
              + ".");
    }
    if (routing && !bakeoff.isEmpty()) {
      throw refuse("A bake-off uses every provider; " + spell("routing") + " does not apply.");
    }
    return new ShootChoices(
        approval,
        channels,
        bakeoff.isEmpty() ? providers : bakeoff,
        variants,
        shots,
        routing,
        !bakeoff.isEmpty());
  }

  /**
   * A catalog's budget as typed: US dollars, at least 0 ({@code 0} starts only free products);
   * empty when not given.
   */
  public Optional<Double> budgetUsd(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      double usd = Double.parseDouble(text.strip().replaceFirst("^\\$", ""));
      if (BudgetRaise.isValid(usd)) {
        return Optional.of(usd);
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw refuse(
        spell("budget")
            + " caps what the catalog's paid generations may cost: "
            + BudgetRaise.RULE
            + ", e.g. 50 or 12.50; not '"
            + text
            + "'.");
  }

  /** Names separated by commas, as {@link NameList} reads them; empty when not given. */
  private List<String> names(String option, String text) {
    if (text == null) {
      return List.of();
    }
    List<String> names = NameList.commas(text);
    if (names.isEmpty()) {
      throw refuse(
          spell(option)
              + " lists "
              + listed(option)
              + " separated by commas, e.g. "
              + example(option)
              + "; '"
              + text
              + "' names none.");
    }
    return names;
  }

  /** {@code auto} or {@code manual}; empty when not given. */
  public Optional<ShootPolicy.Approval> approval(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ManifestReader.parseApproval(text));
    } catch (IllegalArgumentException e) {
      throw refuse(spell("approval") + " is auto or manual, not '" + text + "'.");
    }
  }

  /** Candidates per shot, 1 to {@link ShootPolicy#MAX_VARIANTS}; empty when not given. */
  public Optional<Integer> variants(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ManifestReader.parseVariants(text));
    } catch (IllegalArgumentException e) {
      throw refuse(spell("variants") + " is " + e.getMessage() + ", not '" + text + "'.");
    }
  }

  private boolean routing(String text) {
    if (text == null) {
      return false;
    }
    if (text.strip().toLowerCase(Locale.ROOT).equals("auto")) {
      return true;
    }
    throw refuse(
        spell("routing")
            + " is 'auto' (each product category starts with the provider"
            + " the provider report favours), not '"
            + text
            + "'.");
  }

  private static String listed(String option) {
    return option.equals("channels") || option.equals("shots") ? option : "generators";
  }

  private static String example(String option) {
    return switch (option) {
      case "channels" -> "etsy,amazon";
      case "shots" -> "hero,profile";
      case "bakeoff" -> "studio,openai,flux";
      default -> "flux,openai,studio";
    };
  }

  private String spell(String option) {
    return spelling.apply(option);
  }

  private RuntimeException refuse(String message) {
    return refusal.apply(message);
  }
}
