package dev.facet.steps;

import dev.facet.model.ChannelImage;
import io.temporal.activity.ActivityInterface;

/** Step 5: turn a selected candidate into one channel's finished image. */
@ActivityInterface
public interface PostProcessActivities {

  /**
   * Colour-corrects, cleans the background, fits, resizes, sharpens and encodes per the channel
   * preset.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#INVALID_INPUT} for an
   *     unknown channel
   */
  ChannelImage postProcess(PostProcessRequest request);
}
