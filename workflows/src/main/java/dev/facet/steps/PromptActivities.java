package dev.facet.steps;

import dev.facet.model.ShotPrompt;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Step 2: one prompt per shot from the product spec, the style guide and reviewer feedback. */
@ActivityInterface
public interface PromptActivities {

  List<ShotPrompt> composePrompts(PromptRequest request);
}
