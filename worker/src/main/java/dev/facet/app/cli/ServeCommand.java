package dev.facet.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(
    name = "serve",
    footer = SpringProperties.HELP,
    description = "Run the HTTP API (/api/...) and the worker until stopped.")
final class ServeCommand implements Callable<Integer> {

  private final Launcher launcher;

  @Spec private CommandSpec spec;

  @Unmatched private final List<String> springProperties = new ArrayList<>();

  ServeCommand(Launcher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() {
    launcher.serve(SpringProperties.of(springProperties, spec));
    return 0;
  }
}
