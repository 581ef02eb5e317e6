package dev.facet.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A generation attempt on a Temporal server: while it beats, a call longer than the heartbeat
 * timeout keeps its attempt; once its worker is gone, the server retries it after the heartbeat
 * timeout, not the start-to-close, and the retry starts from the details it last recorded. The test
 * server cannot skip time while an activity runs, so the timeout is scaled down from
 * ShootActivityOptions' 30 s, the start-to-close kept at a slow image's minutes.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CrashDetectionTest {

  private static final String QUEUE = "crash-detection";
  private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration START_TO_CLOSE = Duration.ofMinutes(6);
  private static final Duration BEAT = Duration.ofMillis(100);

  private volatile Behaviour firstAttempt;
  private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();
  private TestWorkflowEnvironment env;

  /** What the first attempt does after it has put its task on record. */
  private enum Behaviour {
    /** Blocks in a call three heartbeat timeouts long, then answers. */
    SLOW_CALL,
    /** Its worker dies: not one word more, neither a beat nor an answer. */
    WORKER_DIES
  }

  @WorkflowInterface
  public interface GenerateOnce {
    @WorkflowMethod
    String run();
  }

  @ActivityInterface
  public interface Generation {
    String generate();
  }

  public static class GenerateOnceImpl implements GenerateOnce {
    private final Generation generation =
        Workflow.newActivityStub(
            Generation.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(START_TO_CLOSE)
                .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(100))
                        .setMaximumAttempts(2)
                        .build())
                .build());

    @Override
    public String run() {
      return generation.generate();
    }
  }

  /** Attempt 1 puts its task on record, then does as {@link #firstAttempt}; a retry resumes. */
  private final class BeatingGeneration implements Generation {
    @Override
    public String generate() {
      ActivityExecutionContext activity = Activity.getExecutionContext();
      int attempt = activity.getInfo().getAttempt();
      if (attempt > 1) {
        return "attempt "
            + attempt
            + " resumed "
            + activity.getHeartbeatDetails(String.class).orElse("nothing");
      }
      LiveAttempt<String> live = LiveAttempt.start(activity, "nothing yet", beats, BEAT);
      live.record("task-42");
      if (firstAttempt == Behaviour.WORKER_DIES) {
        live.close();
        activity.doNotCompleteOnReturn();
        return null;
      }
      try (live) {
        Thread.sleep(HEARTBEAT_TIMEOUT.multipliedBy(3).toMillis()); // the slow call
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "attempt 1 answered";
    }
  }

  @BeforeEach
  void start() {
    // No time skipping: heartbeat timeouts run on the real clock, as on a real server.
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());
    var worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(GenerateOnceImpl.class);
    worker.registerActivitiesImplementations(new BeatingGeneration());
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
    beats.shutdownNow();
  }

  @Test
  void anAttemptBlockedLongerThanTheHeartbeatTimeoutKeepsItsAttemptWhileItBeats() {
    firstAttempt = Behaviour.SLOW_CALL;

    assertThat(generate()).isEqualTo("attempt 1 answered");
  }

  @Test
  void anAttemptWhoseWorkerDiedIsRetriedAfterTheHeartbeatTimeoutFromItsLastRecord() {
    firstAttempt = Behaviour.WORKER_DIES;
    long started = System.nanoTime();

    String result = generate();

    assertThat(result).isEqualTo("attempt 2 resumed task-42");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(HEARTBEAT_TIMEOUT)
        .isLessThan(START_TO_CLOSE);
  }

  private String generate() {
    return env.getWorkflowClient()
        .newWorkflowStub(
            GenerateOnce.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
        .run();
  }
}
