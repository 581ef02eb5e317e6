package dev.facet.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code serve} and {@code worker}: start Facet's Spring application and keep it up; their
 * arguments are Spring's properties. One class, as the two differ only in what they start.
 */
@Command(footer = SpringProperties.HELP)
final class SpringCommand implements Callable<Integer> {

  private final Consumer<List<String>> start;

  @Spec private CommandSpec spec;

  @Unmatched private final List<String> springProperties = new ArrayList<>();

  private SpringCommand(Consumer<List<String>> start) {
    this.start = start;
  }

  /** The command that starts the application with {@code start}, described for its help. */
  static CommandLine of(Consumer<List<String>> start, String description) {
    CommandLine command = new CommandLine(new SpringCommand(start));
    command.getCommandSpec().usageMessage().description(description);
    return command;
  }

  @Override
  public Integer call() {
    start.accept(SpringProperties.of(springProperties, spec));
    return 0;
  }
}
