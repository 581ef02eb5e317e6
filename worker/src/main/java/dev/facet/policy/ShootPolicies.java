package dev.facet.policy;

import dev.facet.generators.ServedProviders;
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

  private static ShootPolicy withChannels(ShootPolicy p, List<String> channels) {
    return new ShootPolicy(p.approval(), p.autoThreshold(), p.humanTimeout(), p.onTimeout(),
        p.variants(), p.maxRounds(), channels, p.providers(), p.budgetUsd(), p.bakeoff(),
        p.routing());
  }
}
