package dev.facet.activities;

import dev.facet.imaging.PhotoValidator;
import dev.facet.imaging.QualityInspector;
import dev.facet.prompts.PromptComposer;
import dev.facet.steps.CaptureActivities;
import dev.facet.steps.GenerationActivities;
import dev.facet.steps.PostProcessActivities;
import dev.facet.steps.PromptActivities;
import dev.facet.steps.PublishActivities;
import dev.facet.steps.QaActivities;
import dev.facet.steps.ScoringActivities;
import dev.facet.steps.TaskQueues;
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

  /** Every step with the default settings. */
  public static StepActivities create(ObjectStore store) {
    return create(store, StepSettings.defaults());
  }

  public static StepActivities create(ObjectStore store, StepSettings settings) {
    ReferenceViews views = new ReferenceViews(store);
    return new StepActivities(
        new CaptureActivitiesImpl(store, new PhotoValidator(settings.validation())),
        new PromptActivitiesImpl(new PromptComposer()),
        new ScoringActivitiesImpl(store, views),
        new PostProcessActivitiesImpl(store, settings.channels()),
        new QaActivitiesImpl(
            store, views, settings.channels(), new QualityInspector(settings.qa())),
        new PublishActivitiesImpl(store),
        Map.of(StudioGenerator.PROVIDER, new StudioGenerator(store, settings.studioSize())));
  }

  /** The implementations that run on {@link TaskQueues#SHOOT}. */
  public List<Object> shootQueue() {
    return List.of(capture, prompt, scoring, postProcess, qa, publish);
  }
}
