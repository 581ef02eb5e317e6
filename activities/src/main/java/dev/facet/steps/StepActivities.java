package dev.facet.steps;

import dev.facet.storage.ObjectStore;
import java.util.List;
import java.util.Map;

/**
 * Every step's activity implementation, built over one object store. The worker registers {@link
 * #shootQueue()} on {@link TaskQueues#SHOOT} and each generator on {@link
 * TaskQueues#generation(String)}.
 *
 * @param generators by provider name, e.g. "studio"
 */
public record StepActivities(
    CaptureActivities capture,
    PromptActivities prompt,
    ScoringActivities scoring,
    PostProcessActivities postProcess,
    QaActivities qa,
    PublishActivities publish,
    Map<String, GenerationActivities> generators) {

  public static StepActivities create(ObjectStore store) {
    throw new UnsupportedOperationException("TODO(imaging): wire the step implementations");
  }

  /** The implementations that run on {@link TaskQueues#SHOOT}. */
  public List<Object> shootQueue() {
    return List.of(capture, prompt, scoring, postProcess, qa, publish);
  }
}
