package dev.facet.steps;

import dev.facet.model.ChannelImage;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Step 5: turn a selected candidate into its channels' finished images. */
@ActivityInterface
public interface PostProcessActivities {

  /**
   * Colour-corrects, cleans the background, fits, resizes, sharpens and encodes per the channel
   * preset.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#INVALID_INPUT} for
   *     an unknown channel
   */
  ChannelImage postProcess(PostProcessRequest request);

  /**
   * The same for every channel of a shot, from one decode, one matte and one clean-up, in the order
   * of the request's channels.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#INVALID_INPUT} for
   *     an unknown channel, before anything is finished
   */
  List<ChannelImage> postProcessShot(ShotPostProcessRequest request);
}
