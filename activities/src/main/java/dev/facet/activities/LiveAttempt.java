package dev.facet.activities;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionClient;
import io.temporal.client.ActivityCompletionException;
import io.temporal.client.ActivityNotExistsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>Once the server has dropped the attempt (cancelled it, or timed it out and handed its work to
 * a retry), a call the attempt is blocked in is stopped ({@link #whenDropped}): its answer could no
 * longer go on record, and waiting minutes for it would hold a worker slot for nothing.
 */
public final class LiveAttempt<T> implements AutoCloseable {

  /** Well inside the heartbeat timeout (30 s), so one slow heartbeat is no timeout. */
  public static final Duration PERIOD = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(LiveAttempt.class);

  /** Beats are short RPCs; a few threads keep dozens of attempts beating on time. */
  private static final ScheduledExecutorService BEATS =
      Executors.newScheduledThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "generation-heartbeat");
            t.setDaemon(true);
            return t;
          });

  /**
   * Where an attempt's heartbeats go: the Temporal server, which answers as {@link
   * ActivityCompletionClient#heartbeat} does.
   */
  @FunctionalInterface
  interface Server<T> {
    /**
     * @throws ActivityCompletionException when the server has dropped the attempt, or could not be
     *     asked
     */
    void heartbeat(T details);
  }

  /** The attempt running on each activity thread, for {@link #whenDropped}. */
  private static final ThreadLocal<LiveAttempt<?>> ON_THIS_THREAD = new ThreadLocal<>();

  private final Server<T> server;
  private final ScheduledFuture<?> beating;
  private final List<Runnable> stopsOnDrop = new ArrayList<>();
  private T details;
  private boolean closed;

  /** Why the server no longer runs this attempt (cancelled, timed out), once it said so. */
  private ActivityCompletionException dropped;

  LiveAttempt(Server<T> server, T details, ScheduledExecutorService beats, Duration period) {
    this.server = server;
    this.details = details;
    ON_THIS_THREAD.set(this);
    this.beating =
        beats.scheduleWithFixedDelay(this::beat, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts heartbeating {@code details} for the current activity attempt, at once. */
  public static <T> LiveAttempt<T> start(ActivityExecutionContext activity, T details) {
    return start(activity, details, BEATS, PERIOD);
  }

  static <T> LiveAttempt<T> start(
      ActivityExecutionContext activity,
      T details,
      ScheduledExecutorService beats,
      Duration period) {
    ActivityCompletionClient completions =
        activity.getWorkflowClient().newActivityCompletionClient();
    byte[] taskToken = activity.getTaskToken();
    return new LiveAttempt<>(
        next -> completions.heartbeat(taskToken, next), details, beats, period);
  }

  /**
   * Makes {@code next} the attempt's details and puts them on the server before returning.
   *
   * @throws ActivityCompletionException when the server no longer runs this attempt (it was
   *     cancelled, or timed out and a retry owns the work now), or could not be reached: either way
   *     {@code next} is not on record
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
    if (dropped != null) {
      throw dropped;
    }
  }

  /** Undoes {@link #whenDropped}. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Runs {@code stop} if the server drops the attempt running on this thread before the returned
   * registration is closed (at once if it has already); without an attempt on this thread, never.
   * For a blocking call: {@code call::cancel}.
   */
  public static Registration whenDropped(Runnable stop) {
    LiveAttempt<?> attempt = ON_THIS_THREAD.get();
    return attempt == null ? () -> {} : attempt.stopOnDrop(stop);
  }

  private synchronized Registration stopOnDrop(Runnable stop) {
    if (dropped != null) {
      stop.run();
      return () -> {};
    }
    stopsOnDrop.add(stop);
    return () -> {
      synchronized (this) {
        stopsOnDrop.remove(stop);
      }
    };
  }

  private synchronized void beat() {
    if (closed || dropped != null) {
      return;
    }
    try {
      send(details);
    } catch (RuntimeException e) {
      // Caught whatever it is: a beat that throws is never scheduled again.
      if (dropped == null) {
        // The server was not reached: the next beat tries again, the heartbeat timeout judges.
        LOG.warn("Heartbeat failed: {}", e.toString());
      }
    }
  }

  private void send(T next) {
    stillCurrent();
    try {
      server.heartbeat(next);
    } catch (ActivityCompletionException e) {
      dropped = droppedBecause(e);
      if (dropped == null) {
        throw e;
      }
      stopsOnDrop.forEach(Runnable::run);
      stopsOnDrop.clear();
      throw dropped;
    }
  }

  /**
   * What a failed heartbeat says about the attempt: why the server dropped it, or null when the
   * server was not reached (unavailable, overloaded, slow), as the SDK's own heartbeats tell them
   * apart (HeartbeatContextImpl, sdk-java 1.38.0). The completion client throws NOT_FOUND (timed
   * out; workflow closed) as {@link ActivityNotExistsException}, and wraps the rest: a cancel,
   * reset or pause as the cause, a refused heartbeat as its gRPC status.
   */
  private static ActivityCompletionException droppedBecause(ActivityCompletionException e) {
    if (e instanceof ActivityNotExistsException) {
      return e;
    }
    if (e.getCause() instanceof ActivityCompletionException why) {
      return why;
    }
    if (e.getCause() instanceof StatusRuntimeException status) {
      Status.Code code = status.getStatus().getCode();
      return code == Status.Code.INVALID_ARGUMENT || code == Status.Code.FAILED_PRECONDITION
          ? e
          : null;
    }
    return null;
  }

  /** Stops beating; called on the thread that started the attempt. */
  @Override
  public void close() {
    // Cancelled first, so a beat running now is not scheduled again; then none sends any more.
    beating.cancel(false);
    synchronized (this) {
      closed = true;
    }
    if (ON_THIS_THREAD.get() == this) {
      ON_THIS_THREAD.remove(); // activity threads are pooled
    }
  }
}
