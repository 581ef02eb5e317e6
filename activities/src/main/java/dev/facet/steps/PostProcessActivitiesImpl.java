package dev.facet.steps;

import dev.facet.imaging.ChannelFinisher;
import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.ChannelPresets;
import dev.facet.model.Candidate;
import dev.facet.model.ChannelImage;
import dev.facet.model.ImageRef;
import dev.facet.storage.ObjectStore;
import java.util.Optional;

/** Step 5: one channel's finished image of a selected candidate; a retry returns the stored one. */
public final class PostProcessActivitiesImpl implements PostProcessActivities {

  private final ObjectStore store;
  private final StoredImages images;
  private final ChannelPresets presets;
  private final ChannelFinisher finisher = new ChannelFinisher();

  public PostProcessActivitiesImpl(ObjectStore store, ChannelPresets presets) {
    this.store = store;
    this.images = new StoredImages(store);
    this.presets = presets;
  }

  @Override
  public ChannelImage postProcess(PostProcessRequest request) {
    ChannelPreset preset =
        presets
            .find(request.channel())
            .orElseThrow(
                () ->
                    StepFailures.invalidInput(
                        "Unknown channel \"" + request.channel() + "\"; known channels: " + presets.names()));
    Candidate candidate = request.candidate();
    String key = request.keys().output(candidate.round(), candidate.shot(), preset.name(), preset.extension());
    Optional<ImageRef> stored = store.find(key);
    if (stored.isPresent()) {
      return new ChannelImage(candidate.shot(), preset.name(), candidate.id(), stored.get());
    }
    ChannelFinisher.Finished finished;
    try {
      finished = finisher.finish(images.image(candidate.image()), request.signature().metal(), preset);
    } catch (IllegalArgumentException e) {
      throw StepFailures.invalidInput("Candidate " + candidate.id() + ": " + e.getMessage());
    }
    ImageRef ref =
        store.put(key, finished.jpeg(), preset.mediaType(), finished.image().width(), finished.image().height());
    return new ChannelImage(candidate.shot(), preset.name(), candidate.id(), ref);
  }
}
