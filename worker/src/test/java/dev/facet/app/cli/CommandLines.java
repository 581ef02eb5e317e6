package dev.facet.app.cli;

import dev.facet.app.run.CatalogFile;
import dev.facet.app.run.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Facet's command line in tests: it runs in-process, its output kept, and its launcher records what
 * it was asked to start instead of starting Spring.
 */
public final class CommandLines implements Launcher {

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  String started;
  List<String> springProperties;
  RunOptions runOptions;

  /** {@code run}'s options as its command line gives them, the catalog unread. */
  public static RunOptions runOptions(String... args) {
    CommandLine.ParseResult parsed = new CommandLines().commandLine(Map.of()).parseArgs(args);
    return ((RunCommand) parsed.subcommand().commandSpec().userObject()).options();
  }

  CommandLine commandLine(Map<String, String> environment) {
    return FacetCommand.commandLine(this, print(out), print(err), environment::get);
  }

  int execute(String... args) {
    return commandLine(Map.of()).execute(args);
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void serve(List<String> springProperties) {
    started("serve", springProperties);
  }

  @Override
  public void worker(List<String> springProperties) {
    started("worker", springProperties);
  }

  @Override
  public int run(CatalogFile catalog, RunOptions options, List<String> springProperties) {
    started("run", springProperties);
    runOptions = options;
    return 0;
  }

  private void started(String command, List<String> properties) {
    started = command;
    springProperties = properties;
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
