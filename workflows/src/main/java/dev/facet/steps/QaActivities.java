package dev.facet.steps;

import dev.facet.model.QaReport;
import io.temporal.activity.ActivityInterface;

/** Step 6: automated checks of a finished image against the references and the channel rules. */
@ActivityInterface
public interface QaActivities {

  QaReport inspect(QaRequest request);
}
