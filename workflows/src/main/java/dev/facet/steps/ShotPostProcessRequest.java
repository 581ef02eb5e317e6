package dev.facet.steps;

import dev.facet.model.Candidate;
import dev.facet.model.ColourSignature;
import dev.facet.model.ImageRef;
import java.util.List;

/**
 * A selected candidate to finish for each of these channels, from one decode and one matte.
 *
 * @param analysis what scoring found in the candidate ({@link dev.facet.model.Score#analysis()});
 *     null when there is none, and the candidate is then analysed again
 */
public record ShotPostProcessRequest(
    ShootKeys keys,
    Candidate candidate,
    ImageRef analysis,
    ColourSignature signature,
    List<String> channels) {

  /** The same request for one channel. */
  public PostProcessRequest forChannel(String channel) {
    return new PostProcessRequest(keys, candidate, analysis, signature, channel);
  }
}
