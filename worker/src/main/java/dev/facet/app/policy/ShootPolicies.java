package dev.facet.app.policy;

import dev.facet.app.providers.ServedProviders;
import dev.facet.catalog.ShootOverrides;
import dev.facet.manifest.Problem;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootRequests;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles a policy before a shoot or catalog starts with it: channel aliases become the presets'
 * names, and every problem (an unknown channel, a malformed or unserved provider) is found while
 * nothing has started or been paid. The API and the CLI both start through here.
 */
public final class ShootPolicies {

  /**
   * @param policy with its channels as presets' names, as far as they could be resolved
   * @param problems in words a person can act on; empty when the policy may start
   */
  public record Checked(ShootPolicy policy, List<String> problems) {

    public Checked {
      problems = List.copyOf(problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final ChannelNames channels;
  private final ServedProviders served;

  public ShootPolicies(ChannelNames channels, ServedProviders served) {
    this.channels = channels;
    this.served = served;
  }

  public Checked check(ShootPolicy policy) {
    List<String> problems = new ArrayList<>();
    ShootPolicy settled = policy;
    try {
      settled = withChannels(policy, channels.resolve(policy.channels()));
    } catch (UnknownChannelException e) {
      problems.add("policy.channels: " + e.getMessage());
    }
    problems.addAll(ShootRequests.policyProblems(settled));
    problems.addAll(served.problems(settled.providers()));
    return new Checked(settled, problems);
  }

  /**
   * A catalog row's overrides, settled as {@link #check} settles a policy.
   *
   * @param overrides with their channels as presets' names, as far as they could be resolved
   * @param problems each naming the row's column ({@code channels}, {@code providers}, {@code
   *     variants}) and, for a name Facet does not know, the names it knows; empty when the row may
   *     start
   */
  public record CheckedRow(ShootOverrides overrides, List<String> problems) {

    public CheckedRow {
      problems = List.copyOf(problems);
    }
  }

  /** A catalog row's own policy, and where it is: for {@link #rowProblems}. */
  public record Row(int line, String sku, ShootOverrides overrides) {}

  /**
   * Every problem of the rows' overrides of {@code catalog}, the catalog's settled policy, each
   * with its row's line and SKU: what {@code run} and the API refuse before anything is uploaded,
   * started or paid.
   */
  public List<Problem> rowProblems(List<Row> rows, ShootPolicy catalog) {
    List<Problem> problems = new ArrayList<>();
    for (Row row : rows) {
      checkRow(row.overrides(), catalog)
          .problems()
          .forEach(problem -> problems.add(new Problem(row.line(), row.sku() + ": " + problem)));
    }
    return problems;
  }

  /**
   * Checks what a catalog row changes about {@code catalog}, the catalog's settled policy: only
   * what the row itself says, so a problem of the catalog's policy is not repeated on every row.
   */
  public CheckedRow checkRow(ShootOverrides row, ShootPolicy catalog) {
    if (row.none()) {
      return new CheckedRow(row, List.of());
    }
    List<String> problems = new ArrayList<>();
    ShootOverrides settled = row;
    if (!row.channels().isEmpty()) {
      try {
        settled = row.withChannels(channels.resolve(row.channels()));
      } catch (UnknownChannelException e) {
        problems.add("channels: " + e.getMessage());
      }
    }
    problems.addAll(served.problems(row.providers(), "providers"));
    try {
      List<String> catalogs = ShootRequests.policyProblems(catalog);
      ShootRequests.policyProblems(settled.over(catalog)).stream()
          .filter(problem -> !catalogs.contains(problem))
          .forEach(problems::add);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    return new CheckedRow(settled, problems);
  }

  private static ShootPolicy withChannels(ShootPolicy p, List<String> channels) {
    return new ShootPolicy(
        p.approval(),
        p.autoThreshold(),
        p.humanTimeout(),
        p.onTimeout(),
        p.variants(),
        p.maxRounds(),
        channels,
        p.providers(),
        p.budgetUsd(),
        p.bakeoff(),
        p.routing());
  }
}
