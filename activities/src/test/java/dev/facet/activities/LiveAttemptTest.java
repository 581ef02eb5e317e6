package dev.facet.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.providers.ProviderErrors;
import dev.facet.providers.ProviderException;
import dev.facet.providers.ProviderHttp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.ActivityCanceledException;
import io.temporal.client.ActivityCompletionException;
import io.temporal.client.ActivityCompletionFailureException;
import io.temporal.client.ActivityNotExistsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LiveAttemptTest {

  private static final Duration FAST = Duration.ofMillis(10);

  private final ScheduledThreadPoolExecutor beats = beatsLeavingNothingQueuedOnCancel();

  /** What reached the server, in order. */
  private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

  /** How the server answers the next heartbeat: null = it takes it. */
  private volatile Supplier<ActivityCompletionException> answer = () -> null;

  private final CountDownLatch firstAnswer = new CountDownLatch(1);
  private final AtomicInteger asked = new AtomicInteger();

  @AfterEach
  void stop() {
    beats.shutdownNow();
  }

  @Test
  void itBeatsWhileTheAttemptBlocksAndStopsWhenClosed() throws Exception {
    LiveAttempt<String> attempt = start("request in flight");

    // The attempt blocks as in a slow call, until three beats have reached the server.
    for (int i = 0; i < 3; i++) {
      assertThat(nextHeard()).isEqualTo("request in flight");
    }
    attempt.record("answered");
    assertThat(heard).as("recorded before record returned").contains("answered");
    heard.clear();
    assertThat(nextHeard()).as("later beats carry the recorded details").isEqualTo("answered");
    attempt.close();

    assertThat(beats.getQueue()).as("no beat scheduled after close").isEmpty();
  }

  @Test
  void aHeartbeatThatDoesNotReachTheServerLeavesTheAttemptRunning() throws Exception {
    answer =
        () ->
            new ActivityCompletionFailureException(
                "a1", new StatusRuntimeException(Status.UNAVAILABLE));
    LiveAttempt<String> attempt = start("task-42");

    assertThatThrownBy(() -> attempt.record("task-43"))
        .as("what is not on the server is not recorded")
        .isInstanceOf(ActivityCompletionFailureException.class);
    assertThat(attempt.details()).isEqualTo("task-42");
    attempt.stillCurrent();

    answer = () -> null;
    assertThat(nextHeard()).as("the next beat gets through").isEqualTo("task-42");
    attempt.record("task-43");
    attempt.close();
  }

  @Test
  void aCancelledAttemptIsDroppedAndSaysWhy() throws Exception {
    ActivityCanceledException cancelled = new ActivityCanceledException();
    answer = () -> new ActivityCompletionFailureException("a1", cancelled);

    LiveAttempt<String> attempt = start("task-42");

    assertDropped(attempt, cancelled);
  }

  @Test
  void anAttemptTheServerTimedOutIsDropped() throws Exception {
    ActivityNotExistsException timedOut =
        new ActivityNotExistsException("a1", new StatusRuntimeException(Status.NOT_FOUND));
    answer = () -> timedOut;

    LiveAttempt<String> attempt = start("task-42");

    assertDropped(attempt, timedOut);
  }

  @Test
  // The read timeout is minutes: only the drop ends the call sooner. A separate thread, as a
  // blocked socket read does not heed the interrupt of a same-thread timeout.
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aDroppedAttemptEndsTheProviderCallItIsBlockedIn() throws Exception {
    ProviderHttp http =
        new ProviderHttp(
            "openai", Duration.ofSeconds(5), Duration.ofMinutes(5), ProviderErrors.systemClock());
    try (ServerSocket provider = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      // The provider takes the request and works on it, for longer than the test lasts.
      CompletableFuture<Socket> working = CompletableFuture.supplyAsync(() -> accept(provider));
      LiveAttempt<String> attempt = start("request in flight");
      ActivityNotExistsException timedOut =
          new ActivityNotExistsException("a1", new StatusRuntimeException(Status.NOT_FOUND));
      working.thenRun(() -> answer = () -> timedOut);

      assertThatThrownBy(
              () ->
                  http.send(
                      new Request.Builder()
                          .url("http://127.0.0.1:" + provider.getLocalPort() + "/v1/images/edits")
                          .post(
                              RequestBody.create(new byte[] {1}, MediaType.get("application/json")))
                          .build(),
                      true))
          .isInstanceOf(ProviderException.class)
          .hasCauseInstanceOf(IOException.class);
      assertThatThrownBy(attempt::stillCurrent).isSameAs(timedOut);
      attempt.close();
      working.join().close();
    } finally {
      http.close();
    }
  }

  private static Socket accept(ServerSocket server) {
    try {
      return server.accept();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LiveAttempt<String> start(String details) {
    return new LiveAttempt<>(
        next -> {
          asked.incrementAndGet();
          try {
            ActivityCompletionException refused = answer.get();
            if (refused != null) {
              throw refused;
            }
            heard.add(next);
          } finally {
            firstAnswer.countDown();
          }
        },
        details,
        beats,
        FAST);
  }

  /** Once the first beat has had its answer, the attempt gives up and asks the server no more. */
  private void assertDropped(LiveAttempt<String> attempt, ActivityCompletionException why)
      throws InterruptedException {
    assertThat(firstAnswer.await(5, TimeUnit.SECONDS)).as("the first beat answered").isTrue();
    assertThatThrownBy(attempt::stillCurrent).isSameAs(why);
    assertThatThrownBy(() -> attempt.record("task-43")).isSameAs(why);
    attempt.close();
    assertThat(asked).as("the record was not sent").hasValue(1);
  }

  /** A cancelled beat leaves the queue, so an empty queue says that nothing will beat again. */
  private static ScheduledThreadPoolExecutor beatsLeavingNothingQueuedOnCancel() {
    ScheduledThreadPoolExecutor beats = new ScheduledThreadPoolExecutor(1);
    beats.setRemoveOnCancelPolicy(true);
    return beats;
  }

  private String nextHeard() throws InterruptedException {
    String beat = heard.poll(5, TimeUnit.SECONDS);
    assertThat(beat).as("a heartbeat within 5 s").isNotNull();
    return beat;
  }
}
