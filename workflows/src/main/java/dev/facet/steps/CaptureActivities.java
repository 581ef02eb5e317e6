package dev.facet.steps;

import io.temporal.activity.ActivityInterface;

/** Step 1: validate, normalise and measure the seller's reference photos. */
@ActivityInterface
public interface CaptureActivities {

  /**
   * Decodes and validates every photo, applies EXIF orientation, converts to sRGB, stores the
   * normalised photo and its product mask, and measures the colour signature.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#INVALID_INPUT}
   *     naming the photo and what is wrong with it
   */
  CaptureResult capture(CaptureRequest request);
}
