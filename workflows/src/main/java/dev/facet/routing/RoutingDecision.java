package dev.facet.routing;

import java.util.List;

/**
 * Which provider a shoot starts with, by which rule, from which numbers. Recorded in the shoot's
 * state so every routing choice can be checked against the report it was made from.
 *
 * @param rule one of the {@code Routing.*} rule names
 * @param chain the provider chain the shoot uses: {@code provider} first, the others as fallbacks
 * @param reason the rule and its numbers in words
 * @param draw the shoot's exploration draw, 0..1 (explores when below the policy's share)
 * @param evidence the report rows of the category the choice was made from
 */
public record RoutingDecision(
    String category,
    String rule,
    String provider,
    List<String> chain,
    String reason,
    double draw,
    List<ProviderStats> evidence) {

  public RoutingDecision {
    chain = List.copyOf(chain);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }
}
