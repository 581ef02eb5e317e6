package dev.facet.temporal;

import io.temporal.common.SearchAttributeKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code temporal server start-dev} as a child process: a real Temporal server with a SQLite file
 * (durable across restarts) and the Web UI, stopped with this process.
 */
public final class DevServer implements TemporalEndpoint {

  private static final Logger log = LoggerFactory.getLogger(DevServer.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /**
   * @param cli the {@code temporal} executable
   * @param port gRPC port, 0 for a free one
   * @param uiPort Web UI port, 0 for a free one
   * @param database the SQLite file that keeps workflows across restarts
   * @param logFile where the server's own output goes
   * @param searchAttributes registered when the database is created
   * @param startupTimeout how long the server may take to answer
   */
  public record Options(
      Path cli,
      int port,
      int uiPort,
      Path database,
      Path logFile,
      List<SearchAttributeKey<?>> searchAttributes,
      Duration startupTimeout) {}

  private final Process process;
  private final int port;
  private final int uiPort;
  private final Path database;

  private DevServer(Process process, int port, int uiPort, Path database) {
    this.process = process;
    this.port = port;
    this.uiPort = uiPort;
    this.database = database;
  }

  /**
   * Starts the server and waits until it answers.
   *
   * @throws IllegalStateException when the port is taken, or the server exits or does not answer in
   *     time; the message quotes the end of the server's log
   */
  public static DevServer start(Options options) {
    for (int attempt = 1; ; attempt++) {
      try {
        return startOnce(options);
      } catch (PortTaken e) {
        if (attempt == PICKS) {
          throw e;
        }
        // Free ports are picked before they are bound (by us, and by the server for its own
        // services): another process may take one in between.
        log.info(
            "A port picked for the Temporal dev server was taken before it bound it; starting again");
      }
    }
  }

  /** How often a start is tried before a taken port fails it. */
  private static final int PICKS = 3;

  /** The server could not bind a port: its log says "address already in use". */
  static final class PortTaken extends IllegalStateException {
    PortTaken(String message) {
      super(message);
    }
  }

  private static DevServer startOnce(Options options) {
    int port = options.port() == 0 ? FreePorts.pick() : options.port();
    int uiPort = options.uiPort() == 0 ? FreePorts.pick() : options.uiPort();
    if (TemporalProbe.listening(TemporalProbe.LOOPBACK, port)) {
      throw new IllegalStateException(
          "Cannot start the Temporal dev server: port "
              + port
              + " is already in use. Stop what uses it or set facet.temporal.port.");
    }
    List<String> command = command(options, port, uiPort);
    long logged = sizeOf(options.logFile());
    log.info("Starting the Temporal dev server: {}", String.join(" ", command));
    DevServer server =
        new DevServer(launch(command, options.logFile()), port, uiPort, options.database());
    try {
      server.awaitAnswer(options.startupTimeout(), options.logFile(), logged);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    log.info("Temporal dev server up at {}, Web UI at {}", server.target(), server.ui());
    return server;
  }

  private static List<String> command(Options options, int port, int uiPort) {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            options.cli().toString(),
            "server",
            "start-dev",
            "--ip",
            TemporalProbe.LOOPBACK,
            "--port",
            Integer.toString(port),
            "--ui-port",
            Integer.toString(uiPort),
            "--db-filename",
            options.database().toString()));
    for (SearchAttributeKey<?> key : options.searchAttributes()) {
      command.add("--search-attribute");
      command.add(key.getName() + "=" + SearchAttributeRegistrar.cliType(key.getValueType()));
    }
    return command;
  }

  private static Process launch(List<String> command, Path logFile) {
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command.get(0), e);
    }
  }

  /**
   * @param logged how much of the log earlier starts wrote: this start's output follows it
   */
  private void awaitAnswer(Duration timeout, Path logFile, long logged) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        String message =
            "The Temporal dev server exited with code "
                + process.exitValue()
                + ". The end of "
                + logFile
                + ":\n"
                + tail(logFile);
        // Its own services' ports are picked by the server itself, as racily: a panic names the
        // bind.
        boolean portTaken = outputSince(logFile, logged).contains("address already in use");
        throw portTaken ? new PortTaken(message) : new IllegalStateException(message);
      }
      if (TemporalProbe.answers(TemporalProbe.LOOPBACK, port)) {
        return;
      }
      sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        "The Temporal dev server did not answer within "
            + timeout
            + " (facet.temporal.startup-timeout). The end of "
            + logFile
            + ":\n"
            + tail(logFile));
  }

  @Override
  public String target() {
    return TemporalProbe.LOOPBACK + ":" + port;
  }

  @Override
  public Optional<URI> webUi() {
    return Optional.of(ui());
  }

  /** The server process's id, for measurements. */
  public long pid() {
    return process.pid();
  }

  /** The Web UI's base address. */
  public URI ui() {
    return URI.create("http://localhost:" + uiPort);
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public String description() {
    return "a Temporal dev server with " + database;
  }

  /** The process, for tests that check it is gone after {@link #close()}. */
  ProcessHandle process() {
    return process.toHandle();
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    log.info("Stopping the Temporal dev server");
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static String outputSince(Path logFile, long offset) {
    try {
      byte[] all = Files.readAllBytes(logFile);
      return new String(
          all,
          (int) Math.min(offset, all.length),
          (int) Math.max(0, all.length - offset),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String tail(Path logFile) {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(cannot read it: " + e.getMessage() + ")";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Temporal dev server", e);
    }
  }
}
