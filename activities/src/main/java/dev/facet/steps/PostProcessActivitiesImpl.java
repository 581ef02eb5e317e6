package dev.facet.steps;

import dev.facet.imaging.BackdropModel;
import dev.facet.imaging.ChannelFinisher;
import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.ChannelPresets;
import dev.facet.imaging.DigitalSourceType;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Candidate;
import dev.facet.model.ChannelImage;
import dev.facet.model.ImageRef;
import dev.facet.storage.ObjectStore;
import java.util.Optional;

/**
 * Step 5: one channel's finished image of a selected candidate, in the channel's format, with an sRGB
 * profile and its digital source type embedded; a retry returns the stored one.
 */
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
      RgbImage image = images.image(candidate.image());
      // A staged candidate's background is flat: only its light level matters to the tone measurement.
      ChannelFinisher.Prepared prepared = candidate.cutout() == null
          ? finisher.prepare(image, request.signature().metal())
          : finisher.prepare(image, images.matte(candidate.cutout(), BackdropModel.flat(0xFFFFFF, image.width(), image.height())),
              request.signature().metal());
      finished = prepared.finish(preset, sourceType(candidate));
    } catch (IllegalArgumentException e) {
      throw StepFailures.invalidInput("Candidate " + candidate.id() + ": " + e.getMessage());
    }
    ImageRef ref =
        store.put(key, finished.bytes(), preset.mediaType(), finished.image().width(), finished.image().height());
    return new ChannelImage(candidate.shot(), preset.name(), candidate.id(), ref);
  }

  /**
   * How the candidate was made, for the file's XMP: the studio renderer composites the seller's own
   * photo without a trained model; every other provider is a generative model.
   */
  static DigitalSourceType sourceType(Candidate candidate) {
    return StudioGenerator.PROVIDER.equals(candidate.provider())
        ? DigitalSourceType.COMPOSITE_SYNTHETIC
        : DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA;
  }
}
