package dev.facet.it;

import dev.facet.temporal.DevServer;
import dev.facet.testing.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code java -jar facet.jar <command> <args>} as a real process, its output in a log file. */
final class FacetProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private FacetProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static FacetProcess start(Path log, String command, String... properties) {
    List<String> commandLine =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-jar",
                RealStack.jar().toString(),
                command));
    commandLine.addAll(List.of(properties));
    try {
      Files.createDirectories(log.getParent());
      Process process =
          new ProcessBuilder(commandLine)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new FacetProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + commandLine, e);
    }
  }

  /**
   * The arguments of {@code serve} against a dev server, with the embedded object store over {@code
   * data} on {@code s3Port} (fixed, so a restarted process finds its objects), then {@code extra}.
   */
  static String[] serveArgs(
      Path data, int apiPort, int s3Port, DevServer temporal, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=" + apiPort,
                "--facet.data=" + data,
                "--facet.store.embedded-port=" + s3Port,
                "--facet.temporal.mode=external",
                "--facet.temporal.address=" + temporal.target()));
    TestKeys.PROPERTIES.forEach(property -> args.add("--" + property));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  /** SIGKILL: no shutdown hook, no goodbye to the server. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits for the process to end; its exit code. */
  int exitCode(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  boolean alive() {
    return process.isAlive();
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      kill();
    }
  }
}
