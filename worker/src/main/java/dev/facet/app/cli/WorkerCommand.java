package dev.facet.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(
    name = "worker",
    footer = SpringProperties.HELP,
    description = "Run the worker only, without a web server, until stopped.")
final class WorkerCommand implements Callable<Integer> {

  private final Launcher launcher;

  @Spec private CommandSpec spec;

  @Unmatched private final List<String> springProperties = new ArrayList<>();

  WorkerCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() {
    launcher.worker(SpringProperties.of(springProperties, spec));
    return 0;
  }
}
