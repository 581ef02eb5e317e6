package dev.facet.app.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --name=value} arguments of the commands that start Spring: its properties, whatever is
 * no option of the command (Spring's names are open-ended).
 */
final class SpringProperties {

  /** The footer of those commands' help. */
  static final String HELP =
      "%nAny --name=value is a Spring property (see application.yaml), for example:%n"
          + "  --server.port=9090  --facet.data=/var/lib/facet%n"
          + "  --facet.temporal.mode=external --facet.temporal.address=temporal.example.com:7233";

  private SpringProperties() {}

  /**
   * @param unmatched what the command's options did not take
   * @throws ParameterException for an argument that is no {@code --name=value}
   */
  static List<String> of(List<String> unmatched, CommandSpec command) {
    for (String arg : unmatched) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new ParameterException(
            command.commandLine(),
            "Unexpected argument '"
                + arg
                + "' for "
                + command.name()
                + "; Spring properties are --name=value.");
      }
    }
    return List.copyOf(unmatched);
  }
}
