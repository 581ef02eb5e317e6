package dev.facet.steps;

import dev.facet.model.Candidate;
import dev.facet.model.ColourSignature;
import java.util.List;

/** A selected candidate to finish for each of these channels, from one decode and one matte. */
public record ShotPostProcessRequest(
    ShootKeys keys, Candidate candidate, ColourSignature signature, List<String> channels) {

  /** The same request for one channel. */
  public PostProcessRequest forChannel(String channel) {
    return new PostProcessRequest(keys, candidate, signature, channel);
  }
}
