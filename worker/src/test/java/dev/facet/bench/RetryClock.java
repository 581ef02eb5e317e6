package dev.facet.bench;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.WorkflowExecutionHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Times how long each generation in flight at a kill waited for its retry: at the kill, every
 * generation attempt the dead worker had started (Temporal's pending activities, started by its
 * identity); then, polling, the start of the next attempt, from the pending activity or, once the
 * activity is done, from its history.
 */
final class RetryClock implements AutoCloseable {

  private static final String GENERATION_QUEUE = "facet-generate-";

  /** A generation attempt the killed worker was running. */
  private record InFlight(
      String workflowId, String activityId, int attempt, String provider, long killedAt) {}

  private final Bench bench;
  private final String shootQuery;
  private final List<InFlight> waiting = new ArrayList<>();
  private final Map<String, List<Long>> retryMillis = new TreeMap<>();
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "retry-clock");
            t.setDaemon(true);
            return t;
          });

  RetryClock(Bench bench, String catalogId) {
    this.bench = bench;
    this.shootQuery =
        "WorkflowType = 'ProductShoot' AND ExecutionStatus = 'Running' AND"
            + " FacetCatalog = '"
            + catalogId
            + "'";
    poller.scheduleWithFixedDelay(this::poll, 1, 1, TimeUnit.SECONDS);
  }

  /** The worker with process id {@code pid} was SIGKILLed at {@code killedAt} (epoch ms). */
  void killed(long pid, long killedAt) {
    String identity = pid + "@";
    List<InFlight> found = new ArrayList<>();
    for (WorkflowExecutionMetadata shoot : bench.client.listExecutions(shootQuery).toList()) {
      String workflowId = shoot.getExecution().getWorkflowId();
      for (PendingActivityInfo activity : pending(workflowId)) {
        if (activity.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED
            && activity.getLastWorkerIdentity().startsWith(identity)
            && millis(activity.getLastStartedTime()) < killedAt) {
          providerOf(workflowId, activity.getActivityId())
              .ifPresent(
                  provider ->
                      found.add(
                          new InFlight(
                              workflowId,
                              activity.getActivityId(),
                              activity.getAttempt(),
                              provider,
                              killedAt)));
        }
      }
    }
    synchronized (this) {
      waiting.addAll(found);
    }
  }

  /** Waits until every generation in flight at a kill has been retried, at most {@code max}. */
  void awaitRetries(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (unresolved() > 0 && System.nanoTime() < deadline) {
      Bench.uncheckedSleep(Duration.ofSeconds(1));
    }
  }

  synchronized int unresolved() {
    return waiting.size();
  }

  /** Kill-to-retry times in milliseconds, by provider. */
  synchronized Map<String, List<Long>> byProvider() {
    Map<String, List<Long>> copy = new TreeMap<>();
    retryMillis.forEach((provider, times) -> copy.put(provider, List.copyOf(times)));
    return copy;
  }

  private void poll() {
    List<InFlight> now;
    synchronized (this) {
      now = List.copyOf(waiting);
    }
    for (InFlight f : now) {
      try {
        Optional<Long> retriedAt = retryStart(f);
        if (retriedAt.isPresent() || !stillPending(f)) {
          synchronized (this) {
            waiting.remove(f);
            retriedAt.ifPresent(
                at ->
                    retryMillis
                        .computeIfAbsent(f.provider(), p -> new ArrayList<>())
                        .add(at - f.killedAt()));
          }
        }
      } catch (RuntimeException e) {
        // The dev server was busy: ask again on the next round.
      }
    }
  }

  /** When the attempt after the killed one started, if it has. */
  private Optional<Long> retryStart(InFlight f) {
    Optional<PendingActivityInfo> activity =
        pending(f.workflowId()).stream()
            .filter(a -> a.getActivityId().equals(f.activityId()))
            .findFirst();
    if (activity.isPresent()) {
      PendingActivityInfo a = activity.get();
      return a.getAttempt() > f.attempt()
              && a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED
          ? Optional.of(millis(a.getLastStartedTime()))
          : Optional.empty();
    }
    // Done already: its history holds the start of its last attempt.
    return started(history(f.workflowId()), f.activityId())
        .filter(e -> e.getActivityTaskStartedEventAttributes().getAttempt() > f.attempt())
        .map(e -> millis(e.getEventTime()));
  }

  /** False once the activity is done without a later attempt: it finished before the kill. */
  private boolean stillPending(InFlight f) {
    return pending(f.workflowId()).stream().anyMatch(a -> a.getActivityId().equals(f.activityId()));
  }

  private List<PendingActivityInfo> pending(String workflowId) {
    return bench
        .stubs
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace("default")
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getPendingActivitiesList();
  }

  private WorkflowExecutionHistory history(String workflowId) {
    return bench.client.fetchHistory(workflowId);
  }

  /** The provider whose generation queue the activity was scheduled on; empty for other steps. */
  private Optional<String> providerOf(String workflowId, String activityId) {
    return history(workflowId).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
        .filter(a -> a.getActivityId().equals(activityId))
        .map(a -> a.getTaskQueue().getName())
        .filter(queue -> queue.startsWith(GENERATION_QUEUE))
        .map(queue -> queue.substring(GENERATION_QUEUE.length()))
        .findFirst();
  }

  private static Optional<HistoryEvent> started(
      WorkflowExecutionHistory history, String activityId) {
    Optional<Long> scheduled =
        history.getEvents().stream()
            .filter(
                e ->
                    e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
                        && e.getActivityTaskScheduledEventAttributes()
                            .getActivityId()
                            .equals(activityId))
            .map(HistoryEvent::getEventId)
            .findFirst();
    return scheduled.flatMap(
        id ->
            history.getEvents().stream()
                .filter(
                    e ->
                        e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED
                            && e.getActivityTaskStartedEventAttributes().getScheduledEventId()
                                == id)
                .findFirst());
  }

  private static long millis(com.google.protobuf.Timestamp t) {
    return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
