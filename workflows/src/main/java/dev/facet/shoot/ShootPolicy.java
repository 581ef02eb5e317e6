package dev.facet.shoot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * How a shoot takes its decisions. Absent fields take the defaults, so a partial JSON policy works.
 *
 * @param approval {@code manual}: a human selects and approves; {@code auto}: the workflow decides
 *     when the evidence clears the bar and hands over to a human when it does not
 * @param autoThreshold minimum candidate score for automatic selection, 0..1
 * @param humanTimeout how long to wait for a human decision
 * @param onTimeout what happens when nobody decides in time
 * @param variants candidates per shot
 * @param maxRounds rounds of generation, the first included, before a rejection ends the shoot
 * @param channels channel presets to produce for every shot
 * @param providers generator chain, first choice first: a variant that one provider cannot make
 *     moves to the next
 * @param budgetUsd no new paid generation starts once the shoot's provider cost would exceed it;
 *     none when absent
 */
public record ShootPolicy(
    Approval approval,
    Double autoThreshold,
    Duration humanTimeout,
    TimeoutAction onTimeout,
    Integer variants,
    Integer maxRounds,
    List<String> channels,
    List<String> providers,
    Double budgetUsd) {

  /** A policy without a budget cap. */
  public ShootPolicy(
      Approval approval,
      Double autoThreshold,
      Duration humanTimeout,
      TimeoutAction onTimeout,
      Integer variants,
      Integer maxRounds,
      List<String> channels,
      List<String> providers) {
    this(approval, autoThreshold, humanTimeout, onTimeout, variants, maxRounds, channels, providers,
        null);
  }

  public enum Approval {
    @JsonProperty("manual")
    MANUAL,
    @JsonProperty("auto")
    AUTO
  }

  public enum TimeoutAction {
    /** End the shoot without publishing; everything made so far stays in the object store. */
    @JsonProperty("expire")
    EXPIRE,
    /** Decide as {@code auto} would, but take the best candidate even below the threshold. */
    @JsonProperty("auto")
    AUTO
  }

  public ShootPolicy {
    approval = approval == null ? Approval.MANUAL : approval;
    autoThreshold = autoThreshold == null ? 0.75 : autoThreshold;
    humanTimeout = humanTimeout == null ? Duration.ofDays(7) : humanTimeout;
    onTimeout = onTimeout == null ? TimeoutAction.EXPIRE : onTimeout;
    variants = variants == null ? 4 : variants;
    maxRounds = maxRounds == null ? 3 : maxRounds;
    channels = channels == null ? List.of("amazon-main", "master") : List.copyOf(channels);
    providers = providers == null ? List.of("studio") : List.copyOf(providers);
    if (variants < 1 || variants > 10) {
      throw new IllegalArgumentException("variants must be 1..10, was " + variants);
    }
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be at least 1, was " + maxRounds);
    }
    if (budgetUsd != null && budgetUsd < 0) {
      throw new IllegalArgumentException("budgetUsd must not be negative, was " + budgetUsd);
    }
    if (autoThreshold < 0 || autoThreshold > 1) {
      throw new IllegalArgumentException("autoThreshold must be 0..1, was " + autoThreshold);
    }
  }

  public static ShootPolicy defaults() {
    return new ShootPolicy(null, null, null, null, null, null, null, null);
  }

  public static ShootPolicy auto() {
    return new ShootPolicy(Approval.AUTO, null, null, TimeoutAction.AUTO, null, null, null, null);
  }
}
