package dev.facet.shoot;

import dev.facet.model.ShotSpec;
import dev.facet.steps.Providers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a {@link ShootRequest} must follow. The HTTP API answers with these problems before
 * starting anything; the workflow checks them again, because a shoot may also be started from the
 * Temporal CLI or Web UI.
 */
public final class ShootRequests {

  /** SKUs become workflow ids and object key segments, so they keep to a safe alphabet. */
  public static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Shot names appear in object keys and candidate ids. */
  public static final Pattern SHOT = Pattern.compile("[a-z0-9-]{1,32}");

  private ShootRequests() {}

  /** Every problem with the request, in words a person can act on; empty when it is fine. */
  public static List<String> problems(ShootRequest request) {
    List<String> problems = new ArrayList<>();
    if (request.product() == null) {
      problems.add("product is required");
      return problems;
    }
    String sku = request.product().sku();
    if (sku == null || !SKU.matcher(sku).matches()) {
      problems.add("product.sku must be 1-64 letters, digits, '.', '_' or '-', was '" + sku + "'");
    }
    if (isBlank(request.product().type())) {
      problems.add("product.type is required, e.g. ring, pendant, earrings, bracelet");
    }
    if (isBlank(request.product().metal())) {
      problems.add("product.metal is required, e.g. 18k yellow gold");
    }
    if (request.photos().isEmpty()) {
      problems.add("photos must list at least one uploaded reference photo");
    }
    request.photos().stream()
        .filter(p -> isBlank(p.key()))
        .findAny()
        .ifPresent(p -> problems.add("every photo needs the object key of its upload"));
    List<ShotSpec> shots = request.style().shots();
    if (shots.isEmpty()) {
      problems.add("style.shots must list at least one shot");
    }
    var names = new HashSet<String>();
    for (ShotSpec shot : shots) {
      if (shot.name() == null || !SHOT.matcher(shot.name()).matches()) {
        problems.add("shot name '" + shot.name() + "' must be 1-32 of a-z, 0-9 and '-'");
      } else if (!names.add(shot.name())) {
        problems.add("shot name '" + shot.name() + "' appears twice");
      }
    }
    problems.addAll(policyProblems(request.policy()));
    return problems;
  }

  /** Every problem with a policy, which a catalog applies to all its shoots. */
  public static List<String> policyProblems(ShootPolicy policy) {
    List<String> problems = new ArrayList<>();
    if (policy.channels().isEmpty()) {
      problems.add("policy.channels must list at least one channel preset");
    }
    if (policy.providers().isEmpty()) {
      problems.add("policy.providers must list at least one generator");
    }
    policy.providers().stream()
        .map(Providers::problem)
        .flatMap(Optional::stream)
        .forEach(problem -> problems.add("policy.providers: " + problem));
    if (policy.providers().stream().distinct().count() < policy.providers().size()) {
      problems.add(
          "policy.providers names a generator twice: " + String.join(", ", policy.providers()));
    }
    if (policy.routing() != null) {
      // One pool: what a route may name is what the shoot's key checks and fallbacks cover.
      policy.routing().namedProviders().stream()
          .filter(name -> !policy.providers().contains(name))
          .forEach(
              name ->
                  problems.add(
                      "policy.routing names '"
                          + name
                          + "', which policy.providers does not list ("
                          + String.join(", ", policy.providers())
                          + ")"));
    }
    return problems;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
