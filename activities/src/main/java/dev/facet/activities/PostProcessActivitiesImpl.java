package dev.facet.activities;

import dev.facet.imaging.BackdropModel;
import dev.facet.imaging.ChannelFinisher;
import dev.facet.imaging.ChannelPreset;
import dev.facet.imaging.ChannelPresets;
import dev.facet.imaging.DigitalSourceType;
import dev.facet.imaging.RgbImage;
import dev.facet.model.Candidate;
import dev.facet.model.ChannelImage;
import dev.facet.model.ColourSignature;
import dev.facet.model.ImageRef;
import dev.facet.steps.PostProcessActivities;
import dev.facet.steps.PostProcessRequest;
import dev.facet.steps.ShootKeys;
import dev.facet.steps.ShotPostProcessRequest;
import dev.facet.storage.ObjectStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Step 5: the finished images of a selected candidate, one per channel, each in its channel's
 * format with an sRGB profile and its digital source type embedded; a retry returns the stored
 * ones.
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
    return finish(
            request.keys(),
            request.candidate(),
            request.analysis(),
            request.signature(),
            List.of(request.channel()))
        .get(0);
  }

  @Override
  public List<ChannelImage> postProcessShot(ShotPostProcessRequest request) {
    return finish(
        request.keys(),
        request.candidate(),
        request.analysis(),
        request.signature(),
        request.channels());
  }

  /** Each channel's image: the stored one after a retry, else made from one shared preparation. */
  private List<ChannelImage> finish(
      ShootKeys keys,
      Candidate candidate,
      ImageRef analysis,
      ColourSignature signature,
      List<String> channels) {
    Map<ChannelPreset, Optional<ImageRef>> stored = new LinkedHashMap<>();
    for (String channel : channels) {
      ChannelPreset preset = preset(channel);
      stored.put(preset, store.find(outputKey(keys, candidate, preset)));
    }
    ChannelFinisher.Prepared prepared =
        stored.values().stream().anyMatch(Optional::isEmpty)
            ? prepare(candidate, analysis, signature)
            : null;
    List<ChannelImage> out = new ArrayList<>();
    for (Map.Entry<ChannelPreset, Optional<ImageRef>> channel : stored.entrySet()) {
      ChannelPreset preset = channel.getKey();
      ImageRef ref =
          channel.getValue().isPresent()
              ? channel.getValue().get()
              : store(
                  keys,
                  candidate,
                  preset,
                  finishOrReject(candidate, () -> prepared.finish(preset, sourceType(candidate))));
      out.add(new ChannelImage(candidate.shot(), preset.name(), candidate.id(), ref));
    }
    return out;
  }

  private static String outputKey(ShootKeys keys, Candidate candidate, ChannelPreset preset) {
    return keys.output(candidate.round(), candidate.shot(), preset.name(), preset.extension());
  }

  private ImageRef store(
      ShootKeys keys,
      Candidate candidate,
      ChannelPreset preset,
      ChannelFinisher.Finished finished) {
    return store.put(
        outputKey(keys, candidate, preset),
        finished.bytes(),
        preset.mediaType(),
        finished.image().width(),
        finished.image().height());
  }

  private ChannelPreset preset(String channel) {
    return presets
        .find(channel)
        .orElseThrow(
            () ->
                StepFailures.invalidInput(
                    "Unknown channel \"" + channel + "\"; known channels: " + presets.names()));
  }

  /**
   * One decode, one matte and one clean-up of the candidate, for every channel. The matte is the
   * generator's exact cut-out when it knows one, else refined from what scoring found, else (a
   * request from before scoring kept its findings) found anew.
   */
  private ChannelFinisher.Prepared prepare(
      Candidate candidate, ImageRef analysis, ColourSignature signature) {
    return finishOrReject(
        candidate,
        () -> {
          RgbImage image = images.image(candidate.image());
          if (candidate.cutout() != null) {
            // A staged candidate's background is flat: only its light level matters to the tone
            // measurement.
            return finisher.prepare(
                image,
                images.matte(
                    candidate.cutout(),
                    BackdropModel.flat(0xFFFFFF, image.width(), image.height())),
                signature.metal());
          }
          return analysis != null
              ? finisher.prepare(image, images.finding(analysis), signature.metal())
              : finisher.prepare(image, signature.metal());
        });
  }

  /** An image the finisher cannot use is the candidate's fault: retrying will not help. */
  private static <T> T finishOrReject(Candidate candidate, Supplier<T> work) {
    try {
      return work.get();
    } catch (IllegalArgumentException e) {
      throw StepFailures.invalidInput("Candidate " + candidate.id() + ": " + e.getMessage());
    }
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
