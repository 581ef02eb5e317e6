package dev.facet.steps;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionClient;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a generation attempt visibly alive while it works, so Temporal notices a dead worker within
 * the heartbeat timeout (seconds) instead of the start-to-close timeout (minutes), even while the
 * attempt blocks in an HTTP call or a render: a background thread heartbeats the attempt's details
 * every {@link #PERIOD}, and {@link #record} puts new details on the server before it returns.
 *
 * <p>Heartbeats go through {@link ActivityCompletionClient#heartbeat}, one plain RPC each, rather
 * than the context's heartbeat: the SDK sends those up to 0.8 × the heartbeat timeout late and
 * drops a pending one when the attempt ends, while a paid request must not go out before the
 * checkpoint that counts it is on the server.
 */
public final class LiveAttempt<T> implements AutoCloseable {

  /** Well inside the heartbeat timeout (30 s), so one slow heartbeat is no timeout. */
  public static final Duration PERIOD = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(LiveAttempt.class);

  /** Beats are short RPCs; a few threads keep dozens of attempts beating on time. */
  private static final ScheduledExecutorService BEATS =
      Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "generation-heartbeat");
        t.setDaemon(true);
        return t;
      });

  private final ActivityCompletionClient server;
  private final byte[] taskToken;
  private final ScheduledFuture<?> beating;
  private T details;

  /** Why the server no longer runs this attempt (cancelled, timed out), once it said so. */
  private ActivityCompletionException gone;

  private LiveAttempt(ActivityExecutionContext activity, T details) {
    this.server = activity.getWorkflowClient().newActivityCompletionClient();
    this.taskToken = activity.getTaskToken();
    this.details = details;
    this.beating = BEATS.scheduleWithFixedDelay(
        this::beat, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts heartbeating {@code details} for the current activity attempt, at once. */
  public static <T> LiveAttempt<T> start(ActivityExecutionContext activity, T details) {
    return new LiveAttempt<>(activity, details);
  }

  /**
   * Makes {@code next} the attempt's details and puts them on the server before returning.
   *
   * @throws ActivityCompletionException when the server no longer runs this attempt: it was
   *     cancelled, or timed out and a retry owns the work now
   */
  public synchronized void record(T next) {
    send(next);
    details = next;
  }

  public synchronized T details() {
    return details;
  }

  /**
   * @throws ActivityCompletionException when the server no longer runs this attempt
   */
  public synchronized void stillCurrent() {
    if (gone != null) {
      throw gone;
    }
  }

  private synchronized void beat() {
    if (gone != null) {
      return;
    }
    try {
      send(details);
    } catch (ActivityCompletionException e) {
      // Kept in gone: the attempt's next step gives up.
    } catch (RuntimeException e) {
      // Unreachable server: the next beat tries again; the heartbeat timeout judges.
      LOG.warn("Heartbeat failed: {}", e.toString());
    }
  }

  private void send(T next) {
    stillCurrent();
    try {
      server.heartbeat(taskToken, next);
    } catch (ActivityCompletionException e) {
      // The client wraps what the server said (cancelled, not found); the SDK acts on the cause.
      gone = e.getCause() instanceof ActivityCompletionException cause ? cause : e;
      throw gone;
    }
  }

  @Override
  public void close() {
    beating.cancel(false);
  }
}
