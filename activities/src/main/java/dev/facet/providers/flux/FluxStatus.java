package dev.facet.providers.flux;

/**
 * A {@code get_result} status. Unknown ones ({@code Generating}, {@code Reasoning}, …) are running.
 */
public enum FluxStatus {
  RUNNING(false),
  READY(true),
  REQUEST_MODERATED(true),
  CONTENT_MODERATED(true),
  ERROR(true),
  TASK_NOT_FOUND(true);

  private final boolean terminal;

  FluxStatus(boolean terminal) {
    this.terminal = terminal;
  }

  public boolean terminal() {
    return terminal;
  }

  public static FluxStatus of(String status) {
    return switch (status == null ? "" : status) {
      case "Ready" -> READY;
      case "Request Moderated" -> REQUEST_MODERATED;
      case "Content Moderated" -> CONTENT_MODERATED;
      case "Error" -> ERROR;
      case "Task not found" -> TASK_NOT_FOUND;
      default -> RUNNING;
    };
  }
}
