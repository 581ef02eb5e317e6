package dev.facet.shoot;

import dev.facet.model.Candidate;
import dev.facet.model.ImageRef;
import dev.facet.model.Score;

/** A candidate with its score and rank among the candidates of its shot (1 = best). */
public record CandidateView(Candidate candidate, Score score, int rank) {

  /** What scoring found in the candidate; null before it is scored or when nothing was kept. */
  public ImageRef analysis() {
    return score == null ? null : score.analysis();
  }
}
