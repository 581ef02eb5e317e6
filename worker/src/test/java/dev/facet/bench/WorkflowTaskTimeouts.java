package dev.facet.bench;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code WorkflowTaskTimedOut} events of a set of workflow runs. Those a SIGKILL explains are
 * apart: a task the killed worker had started (start-to-close) or one waiting on its sticky queue
 * (schedule-to-start) can only time out. The others, by kind, are the ones that count: a task too
 * big or a worker too starved to finish in 10 s (start-to-close), a task that waited for a living
 * worker (schedule-to-start).
 *
 * @param onKilledWorkers timeouts of tasks a killed worker held, or held the sticky queue of
 */
record WorkflowTaskTimeouts(int runs, int onKilledWorkers, int startToClose, int scheduleToStart) {

  /**
   * Counts them over every run the visibility query lists (their histories are read).
   *
   * @param killedPids the process ids of the workers that were SIGKILLed
   */
  static WorkflowTaskTimeouts count(WorkflowClient client, String query, Set<Long> killedPids) {
    int runs = 0;
    int onKilled = 0;
    int startToClose = 0;
    int scheduleToStart = 0;
    for (WorkflowExecutionMetadata run : client.listExecutions(query).toList()) {
      runs++;
      List<HistoryEvent> events =
          client
              .fetchHistory(run.getExecution().getWorkflowId(), run.getExecution().getRunId())
              .getEvents();
      Map<Long, HistoryEvent> byId = new HashMap<>();
      String lastCompletedBy = "";
      Map<Long, String> stickyOwnerAt = new HashMap<>();
      for (HistoryEvent e : events) {
        byId.put(e.getEventId(), e);
        if (e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
          lastCompletedBy = e.getWorkflowTaskCompletedEventAttributes().getIdentity();
        } else if (e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED) {
          stickyOwnerAt.put(e.getEventId(), lastCompletedBy);
        } else if (e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT) {
          var timedOut = e.getWorkflowTaskTimedOutEventAttributes();
          boolean started = timedOut.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE;
          String holder =
              started
                  ? byId.get(timedOut.getStartedEventId())
                      .getWorkflowTaskStartedEventAttributes()
                      .getIdentity()
                  : stickyOwnerAt.getOrDefault(timedOut.getScheduledEventId(), "");
          if (killedPids.contains(pidOf(holder))) {
            onKilled++;
          } else if (started) {
            startToClose++;
          } else {
            scheduleToStart++;
          }
        }
      }
    }
    return new WorkflowTaskTimeouts(runs, onKilled, startToClose, scheduleToStart);
  }

  /** The timeouts no kill explains. */
  int unexplained() {
    return startToClose + scheduleToStart;
  }

  /** The pid of a Java SDK identity, {@code pid@host}; -1 for another. */
  private static long pidOf(String identity) {
    try {
      return Long.parseLong(identity.substring(0, identity.indexOf('@')));
    } catch (RuntimeException notAPid) {
      return -1;
    }
  }

  @Override
  public String toString() {
    return unexplained()
        + " (start-to-close "
        + startToClose
        + ", schedule-to-start "
        + scheduleToStart
        + "; besides "
        + onKilledWorkers
        + " on killed workers) in "
        + runs
        + " runs";
  }
}
