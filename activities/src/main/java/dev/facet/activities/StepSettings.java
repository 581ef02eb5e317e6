package dev.facet.activities;

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
    return of(ChannelPresets.builtIn(), QaThresholds.defaults());
  }

  /** The defaults, with these channel presets and QA thresholds. */
  public static StepSettings of(ChannelPresets channels, QaThresholds qa) {
    return new StepSettings(ValidationLimits.defaults(), qa, channels, 2000);
  }
}
