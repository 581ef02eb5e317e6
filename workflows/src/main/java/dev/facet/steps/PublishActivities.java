package dev.facet.steps;

import dev.facet.model.ImageRef;
import io.temporal.activity.ActivityInterface;

/** Writes the manifest of an approved shoot's final images. */
@ActivityInterface
public interface PublishActivities {

  /** Stores the manifest (JSON) and returns its reference. Idempotent. */
  ImageRef publish(PublishRequest request);
}
