package dev.facet.shoot;

import dev.facet.steps.FailureTypes;
import dev.facet.steps.Providers;
import dev.facet.steps.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Map;

/**
 * Timeouts and retries of every step, in one place. Typed failures listed as do-not-retry end the
 * step at once; everything else (a crashed worker, a flaky store) retries with backoff. A step's
 * start-to-close timeout is also how long a crashed worker's task waits before another worker
 * retries it, so each is a few times the step's real duration, not more; generation, whose attempts
 * may rightly take minutes, heartbeats instead ({@link #GENERATE_HEARTBEAT_TIMEOUT}).
 */
final class ShootActivityOptions {

  static final int GENERATE_MAX_ATTEMPTS = 5;

  private static final String[] PERMANENT = {
    FailureTypes.INVALID_INPUT, FailureTypes.MISSING_OBJECT
  };

  /**
   * How long a step on the shoot queue keeps retrying a failure that is not typed as permanent:
   * long enough to outlast an object store or network outage, bounded so a broken deployment still
   * surfaces as a failed shoot rather than one that waits forever. Declared before the options that
   * use it: a static field read before its initializer has run is null.
   */
  static final Duration STEP_RETRY_WINDOW = Duration.ofMinutes(15);

  static final ActivityOptions CAPTURE = options(Duration.ofMinutes(2));
  static final ActivityOptions PROMPT = options(Duration.ofSeconds(30));

  /**
   * Prompts as a local activity: composed from a template on the classpath, no provider, no
   * storage, in milliseconds. A local activity retries inside the workflow task, so its attempts
   * and its whole window are kept short; a template that cannot be read fails the shoot within half
   * a minute instead of holding its workflow task.
   */
  static final LocalActivityOptions PROMPT_LOCAL =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(5))
          .setScheduleToCloseTimeout(Duration.ofSeconds(30))
          // The request is the shoot's own input, already in history: the marker keeps the prompts
          // only.
          .setDoNotIncludeArgumentsIntoMarker(true)
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofMillis(500))
                  .setBackoffCoefficient(2)
                  .setMaximumInterval(Duration.ofSeconds(5))
                  .setDoNotRetry(PERMANENT)
                  .build())
          .build();

  static final ActivityOptions SCORE = options(Duration.ofMinutes(1));
  static final ActivityOptions POST_PROCESS = options(Duration.ofMinutes(1));
  static final ActivityOptions INSPECT = options(Duration.ofMinutes(1));
  static final ActivityOptions PUBLISH = options(Duration.ofMinutes(1));

  /** The catalog report's copy of the outcome: worth a few tries, not worth holding a shoot up. */
  static final ActivityOptions RECORD_OUTCOME =
      ActivityOptions.newBuilder(PUBLISH)
          .setScheduleToCloseTimeout(null)
          .setRetryOptions(
              RetryOptions.newBuilder(PUBLISH.getRetryOptions()).setMaximumAttempts(10).build())
          .build();

  /**
   * Publishing as a local activity: it writes one small manifest document (no image, no provider),
   * so the shoot's own worker runs it within its workflow task and history keeps one marker instead
   * of an activity's three events and the workflow task its completion wakes. Publish's timeouts
   * and retries; its request is made of the shoot's state, already in history, so the marker keeps
   * only the manifest's reference.
   */
  static final LocalActivityOptions PUBLISH_LOCAL =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(PUBLISH.getStartToCloseTimeout())
          .setScheduleToCloseTimeout(PUBLISH.getScheduleToCloseTimeout())
          .setRetryOptions(PUBLISH.getRetryOptions())
          .setDoNotIncludeArgumentsIntoMarker(true)
          .build();

  private ShootActivityOptions() {}

  /**
   * How long one attempt may work, per provider: the studio renders in seconds; OpenAI answers when
   * the image is done (minutes at high quality); FLUX polls an async task for up to five minutes.
   */
  private static final Map<String, Duration> START_TO_CLOSE =
      Map.of("studio", Duration.ofMinutes(1), "openai", Duration.ofMinutes(6));

  private static final Duration DEFAULT_START_TO_CLOSE = Duration.ofMinutes(10);

  /**
   * Every generator heartbeats while it works, even blocked in an HTTP call, so a dead worker's
   * attempt is retried within this, not after the long start-to-close.
   */
  static final Duration GENERATE_HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Generation runs on the provider's own task queue, where its rate limits are enforced: every
   * model of a provider shares it, as they share the provider account's limits.
   */
  static ActivityOptions generate(String generator) {
    String provider = Providers.providerOf(generator);
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.generation(provider))
        .setStartToCloseTimeout(START_TO_CLOSE.getOrDefault(provider, DEFAULT_START_TO_CLOSE))
        .setHeartbeatTimeout(GENERATE_HEARTBEAT_TIMEOUT)
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

  private static ActivityOptions options(Duration startToClose) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.SHOOT)
        .setStartToCloseTimeout(startToClose)
        .setScheduleToCloseTimeout(STEP_RETRY_WINDOW)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2)
                .setMaximumInterval(Duration.ofSeconds(30))
                .setDoNotRetry(PERMANENT)
                .build())
        .build();
  }
}
