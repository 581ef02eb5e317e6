package dev.facet.shoot;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShootActivityOptionsTest {

  @Test
  void everyStepOnTheShootQueueStopsRetryingAfterTheWindow() {
    List<ActivityOptions> steps =
        List.of(
            ShootActivityOptions.CAPTURE,
            ShootActivityOptions.PROMPT,
            ShootActivityOptions.SCORE,
            ShootActivityOptions.POST_PROCESS,
            ShootActivityOptions.INSPECT,
            ShootActivityOptions.PUBLISH);

    assertThat(steps)
        .extracting(ActivityOptions::getScheduleToCloseTimeout)
        .containsOnly(ShootActivityOptions.STEP_RETRY_WINDOW);
  }
}
