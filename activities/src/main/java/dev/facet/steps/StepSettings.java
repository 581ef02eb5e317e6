package dev.facet.steps;

import dev.facet.imaging.ChannelPresets;
import dev.facet.imaging.QaThresholds;
import dev.facet.imaging.ValidationLimits;

/**
 * The tunable parts of the steps.
 *
 * @param validation what a reference photo must clear
 * @param qa the automated QA bars
 * @param channels the channel presets post-processing and QA know
 * @param studioSize side of the studio renderer's square candidates, in pixels
 */
public record StepSettings(
    ValidationLimits validation, QaThresholds qa, ChannelPresets channels, int studioSize) {

  public static StepSettings defaults() {
    return withChannels(ChannelPresets.builtIn());
  }

  /** The defaults, with these channel presets. */
  public static StepSettings withChannels(ChannelPresets channels) {
    return new StepSettings(ValidationLimits.defaults(), QaThresholds.defaults(), channels, 2000);
  }
}
