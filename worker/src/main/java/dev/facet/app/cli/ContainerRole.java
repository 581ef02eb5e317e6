package dev.facet.app.cli;

/**
 * The container image starts with no command: the environment variable {@code FACET_ROLE} names it.
 */
public final class ContainerRole {

  public static final String VARIABLE = "FACET_ROLE";

  private ContainerRole() {}

  /**
   * The command line of a role: {@code api} (the HTTP API alone), {@code worker} (the worker, with
   * a web server for the health probes and metrics only reachable inside the pod's network) or
   * {@code both}. Explicit arguments win; without a role they stay as given.
   *
   * @throws IllegalArgumentException for an unknown role
   */
  public static String[] commandLine(String[] args, String role) {
    if (args.length > 0 || role == null || role.isBlank()) {
      return args;
    }
    return switch (role.strip()) {
      case "api" -> new String[] {"serve", "--facet.worker.enabled=false"};
      case "worker" -> new String[] {"worker", "--spring.main.web-application-type=servlet"};
      case "both" -> new String[] {"serve"};
      default ->
          throw new IllegalArgumentException(
              "Unknown " + VARIABLE + " '" + role + "': api, worker or both.");
    };
  }
}
