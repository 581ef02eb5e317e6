package dev.facet.steps;

import dev.facet.model.QaReport;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Step 6: automated checks of a finished image against the references and the channel rules. */
@ActivityInterface
public interface QaActivities {

  QaReport inspect(QaRequest request);

  /**
   * The same for every finished image of a round, in the order of the request's images: one
   * activity, so the shoot's workflow wakes once for QA instead of once per image (or per few, as
   * they complete). An implementation may share what the images have in common (the references).
   */
  default List<QaReport> inspectRound(RoundQaRequest request) {
    return request.images().stream().map(image -> inspect(request.forImage(image))).toList();
  }
}
