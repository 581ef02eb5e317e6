package dev.facet.steps;

import dev.facet.model.Score;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Step 4: score candidates for fidelity to the references and sharpness. */
@ActivityInterface
public interface ScoringActivities {

  /** One score per candidate, in the order given. */
  List<Score> score(ScoreRequest request);
}
