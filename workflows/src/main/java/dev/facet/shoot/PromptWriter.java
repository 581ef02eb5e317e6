package dev.facet.shoot;

import dev.facet.model.ShotPrompt;
import dev.facet.model.ShotSpec;
import dev.facet.steps.PromptActivities;
import dev.facet.steps.PromptRequest;
import java.util.List;

/**
 * The prompt step: one prompt per shot from the product, the style guide and reviewer feedback.
 * Since {@link ProductShootWorkflowImpl#FEWER_ROUND_TRIPS} it is a local activity (pure compute on
 * a template: no provider, no storage), so it costs no server round trip of its own.
 */
final class PromptWriter {

  private final ShootRequest request;
  private final StepStubs steps;
  private boolean local;

  PromptWriter(ShootRequest request, StepStubs steps) {
    this.request = request;
    this.steps = steps;
  }

  /** From now on prompts are composed in a local activity. */
  void composeLocally() {
    local = true;
  }

  List<ShotPrompt> compose(List<ShotSpec> shots, String feedback, String summary) {
    PromptActivities prompts =
        local
            ? steps.localStub(PromptActivities.class, ShootActivityOptions.PROMPT_LOCAL, summary)
            : steps.stub(PromptActivities.class, ShootActivityOptions.PROMPT, summary);
    return prompts.composePrompts(
        new PromptRequest(request.product(), request.style(), shots, feedback));
  }
}
