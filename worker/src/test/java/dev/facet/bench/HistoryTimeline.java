package dev.facet.bench;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one workflow run's time went, from its history: per activity type, the time its tasks
 * waited in the queue and the time they ran; and the same for workflow tasks.
 */
final class HistoryTimeline {

  private HistoryTimeline() {}

  static String of(WorkflowClient client, String workflowId) {
    WorkflowExecutionHistory history = client.fetchHistory(workflowId);
    Map<Long, HistoryEvent> byId = new HashMap<>();
    Map<String, long[]> waits = new LinkedHashMap<>();
    long first = -1;
    long last = 0;
    for (HistoryEvent e : history.getEvents()) {
      byId.put(e.getEventId(), e);
      long t = millis(e);
      first = first < 0 ? t : first;
      last = t;
      if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        HistoryEvent scheduled =
            byId.get(e.getActivityTaskStartedEventAttributes().getScheduledEventId());
        String type =
            scheduled.getActivityTaskScheduledEventAttributes().getActivityType().getName();
        add(waits, type + " queue", t - millis(scheduled));
      } else if (e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
        HistoryEvent started =
            byId.get(e.getActivityTaskCompletedEventAttributes().getStartedEventId());
        HistoryEvent scheduled =
            byId.get(e.getActivityTaskCompletedEventAttributes().getScheduledEventId());
        String type =
            scheduled.getActivityTaskScheduledEventAttributes().getActivityType().getName();
        add(waits, type + " run", t - millis(started));
      } else if (e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED) {
        HistoryEvent scheduled =
            byId.get(e.getWorkflowTaskStartedEventAttributes().getScheduledEventId());
        add(waits, "workflow task queue", t - millis(scheduled));
      } else if (e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
        HistoryEvent started =
            byId.get(e.getWorkflowTaskCompletedEventAttributes().getStartedEventId());
        add(waits, "workflow task run", t - millis(started));
      }
    }
    StringBuilder out =
        new StringBuilder(
            "  timeline of "
                + workflowId
                + ": "
                + (last - first)
                + " ms in all; per kind: count × mean ms (max)\n");
    waits.forEach(
        (k, v) ->
            out.append(
                String.format("    %-32s %3d × %5d ms (max %d)%n", k, v[0], v[1] / v[0], v[2])));
    return out.toString();
  }

  private static void add(Map<String, long[]> waits, String key, long ms) {
    long[] v = waits.computeIfAbsent(key, k -> new long[3]);
    v[0]++;
    v[1] += ms;
    v[2] = Math.max(v[2], ms);
  }

  private static long millis(HistoryEvent e) {
    return e.getEventTime().getSeconds() * 1000 + e.getEventTime().getNanos() / 1_000_000;
  }
}
