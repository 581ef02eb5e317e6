package dev.facet.shoot;

import dev.facet.steps.FailureTypes;
import dev.facet.steps.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Set;

/**
 * Timeouts and retries of every step, in one place. Typed failures listed as do-not-retry end the
 * step at once; everything else (a crashed worker, a flaky store) retries with backoff.
 */
final class ShootActivityOptions {

  static final int GENERATE_MAX_ATTEMPTS = 5;

  private static final String[] PERMANENT = {FailureTypes.INVALID_INPUT, FailureTypes.MISSING_OBJECT};

  static final ActivityOptions CAPTURE = options(Duration.ofMinutes(2), 5);
  static final ActivityOptions PROMPT = options(Duration.ofSeconds(30), 3);
  static final ActivityOptions SCORE = options(Duration.ofMinutes(5), 5);
  static final ActivityOptions POST_PROCESS = options(Duration.ofMinutes(5), 5);
  static final ActivityOptions INSPECT = options(Duration.ofMinutes(5), 5);
  static final ActivityOptions PUBLISH = options(Duration.ofMinutes(1), 10);

  private ShootActivityOptions() {}

  /**
   * Providers whose generation heartbeats while it polls an async task: a crashed worker is noticed
   * within the heartbeat timeout, and the retry resumes the same task from the heartbeat.
   */
  private static final Set<String> HEARTBEATING = Set.of("flux");

  /** Generation runs on the provider's own task queue, where its rate limits are enforced. */
  static ActivityOptions generate(String provider) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.generation(provider))
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setHeartbeatTimeout(HEARTBEATING.contains(provider) ? Duration.ofSeconds(30) : null)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(2))
                .setBackoffCoefficient(2)
                .setMaximumInterval(Duration.ofMinutes(1))
                .setMaximumAttempts(GENERATE_MAX_ATTEMPTS)
                .setDoNotRetry(PERMANENT)
                .build())
        .build();
  }

  private static ActivityOptions options(Duration startToClose, int maximumAttempts) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.SHOOT)
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2)
                .setMaximumInterval(Duration.ofSeconds(30))
                .setMaximumAttempts(maximumAttempts)
                .setDoNotRetry(PERMANENT)
                .build())
        .build();
  }
}
