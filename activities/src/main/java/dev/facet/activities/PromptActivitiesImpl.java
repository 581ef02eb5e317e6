package dev.facet.activities;

import dev.facet.model.ShotPrompt;
import dev.facet.prompts.PromptComposer;
import dev.facet.steps.PromptActivities;
import dev.facet.steps.PromptRequest;
import java.util.List;

/** Step 2: the prompts, from the template on the classpath. */
public final class PromptActivitiesImpl implements PromptActivities {

  private final PromptComposer composer;

  public PromptActivitiesImpl(PromptComposer composer) {
    this.composer = composer;
  }

  @Override
  public List<ShotPrompt> composePrompts(PromptRequest request) {
    return composer.compose(
        request.product(), request.style(), request.shots(), request.feedback());
  }
}
