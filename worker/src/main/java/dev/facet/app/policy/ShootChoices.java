package dev.facet.app.policy;

import dev.facet.model.ShotSpec;
import dev.facet.model.StyleGuide;
import dev.facet.routing.RoutingPolicy;
import dev.facet.shoot.ShootPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a seller chooses about every shoot of a catalog, from {@code run}'s options or the API's
 * parameters ({@link ChoiceParser} reads both). What is not chosen keeps the default.
 *
 * @param approval {@code auto} or {@code manual}; empty for the catalog file's, else the default
 * @param channels channel names as typed (aliases resolve when the catalog is checked); empty for
 *     the default channels
 * @param providers the generator chain, first choice first; empty for the default
 * @param variants candidates per shot; empty for the default
 * @param shots the style guide's shots to make, by name; empty for all of them
 * @param routingAuto each product category starts with the provider the provider report favours
 * @param bakeoff every shot made by every one of {@code providers}
 * @param base a whole policy sent as JSON, which the other choices refine; null for none, and then
 *     {@code approval} picks the base ({@link ShootPolicy#auto()} or {@link
 *     ShootPolicy#defaults()})
 */
public record ShootChoices(
    Optional<ShootPolicy.Approval> approval,
    List<String> channels,
    List<String> providers,
    Optional<Integer> variants,
    List<String> shots,
    boolean routingAuto,
    boolean bakeoff,
    ShootPolicy base) {

  /** Every category starts with the provider the report favours, at the report's defaults. */
  private static final RoutingPolicy AUTO_ROUTING =
      new RoutingPolicy(Map.of(RoutingPolicy.ANY, RoutingPolicy.AUTO), null, null, null);

  public ShootChoices {
    channels = List.copyOf(channels);
    providers = List.copyOf(providers);
    shots = List.copyOf(shots);
  }

  /** Choices without a whole policy to refine. */
  public ShootChoices(
      Optional<ShootPolicy.Approval> approval,
      List<String> channels,
      List<String> providers,
      Optional<Integer> variants,
      List<String> shots,
      boolean routingAuto,
      boolean bakeoff) {
    this(approval, channels, providers, variants, shots, routingAuto, bakeoff, null);
  }

  /** Nothing chosen: every default. */
  public static ShootChoices none() {
    return new ShootChoices(
        Optional.empty(), List.of(), List.of(), Optional.empty(), List.of(), false, false);
  }

  /** A bake-off of {@code providers}, everything else the default. */
  public static ShootChoices bakeoff(List<String> providers) {
    return new ShootChoices(
        Optional.empty(), List.of(), providers, Optional.empty(), List.of(), false, true);
  }

  /**
   * These choices with {@code approval} where none was chosen, as a catalog file's own policy fills
   * in; a whole policy already says its approval.
   */
  public ShootChoices orApproval(ShootPolicy.Approval fallback) {
    return base != null ? this : withApproval(approval.orElse(fallback));
  }

  public ShootChoices withApproval(ShootPolicy.Approval chosen) {
    return new ShootChoices(
        Optional.of(chosen), channels, providers, variants, shots, routingAuto, bakeoff, base);
  }

  /** These choices refining {@code policy}. */
  public ShootChoices refining(ShootPolicy policy) {
    return new ShootChoices(
        approval, channels, providers, variants, shots, routingAuto, bakeoff, policy);
  }

  /**
   * The policy of every shoot: {@code auto} decides what the evidence clears and, when nobody
   * decides in time, takes the best candidate; {@code manual} waits for a reviewer.
   *
   * @throws IllegalArgumentException when {@link ShootPolicy} refuses a value
   */
  public ShootPolicy policy() {
    ShootPolicy from = base != null ? base : approvalDefaults();
    return new ShootPolicy(
        approval.orElse(from.approval()),
        from.autoThreshold(),
        from.humanTimeout(),
        from.onTimeout(),
        variants.orElse(from.variants()),
        from.maxRounds(),
        channels.isEmpty() ? from.channels() : channels,
        providers.isEmpty() ? from.providers() : providers,
        from.budgetUsd(),
        bakeoff || from.bakeoff(),
        routingAuto ? AUTO_ROUTING : from.routing());
  }

  private ShootPolicy approvalDefaults() {
    return approval.orElse(ShootPolicy.Approval.MANUAL) == ShootPolicy.Approval.AUTO
        ? ShootPolicy.auto()
        : ShootPolicy.defaults();
  }

  /** The collection's look with only the chosen shots, in the style guide's order. */
  public StyleGuide style() {
    StyleGuide style = StyleGuide.whiteStudio();
    if (shots.isEmpty()) {
      return style;
    }
    return new StyleGuide(
        style.name(),
        style.backdrop(),
        style.lightKelvin(),
        style.productScale(),
        style.reflection(),
        style.shots().stream().filter(shot -> shots.contains(shot.name())).toList(),
        style.seed());
  }

  /** A problem per chosen shot the style guide does not have, listing those it has. */
  public List<String> shotProblems() {
    List<String> known = StyleGuide.whiteStudio().shots().stream().map(ShotSpec::name).toList();
    return shots.stream()
        .filter(shot -> !known.contains(shot))
        .map(
            shot ->
                "shots: '"
                    + shot
                    + "' is no shot of the style guide; its shots are "
                    + String.join(", ", known))
        .toList();
  }
}
