package dev.facet.temporal;

import dev.facet.shoot.ShootSearchAttributes;
import java.net.URI;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns {@link TemporalProperties#mode()} into a server to talk to. */
public final class TemporalEndpoints {

  private static final Logger log = LoggerFactory.getLogger(TemporalEndpoints.class);

  private TemporalEndpoints() {}

  /**
   * Opens the endpoint the properties ask for, starting a server when the mode says so.
   *
   * @param data the folder for the dev server's database and log
   */
  public static TemporalEndpoint open(TemporalProperties properties, Path data) {
    return switch (properties.mode()) {
      case EXTERNAL -> new ExternalServer(ExternalProfile.load(properties), properties.uiUrl());
      case IN_PROCESS -> InProcessServer.start(properties.port());
      case DEV_SERVER -> devServer(properties, data);
      case AUTO -> auto(properties, data);
    };
  }

  private static TemporalEndpoint auto(TemporalProperties properties, Path data) {
    int port = properties.port();
    if (port != 0 && TemporalProbe.answers(TemporalProbe.LOOPBACK, port)) {
      URI ui =
          TemporalProbe.listening(TemporalProbe.LOOPBACK, properties.uiPort())
              ? URI.create("http://localhost:" + properties.uiPort())
              : null;
      log.info("Using the Temporal server already running at {}:{}", TemporalProbe.LOOPBACK, port);
      return new RunningServer(TemporalProbe.LOOPBACK + ":" + port, ui);
    }
    if (TemporalCli.locate(properties.cliPath()).isPresent()) {
      return devServer(properties, data);
    }
    log.warn(
        """

        ************************************************************************
        *  No Temporal server on port {} and no `temporal` CLI found.
        *  Falling back to the IN-PROCESS Java test server:
        *    - NOT DURABLE: every shoot is lost when this process stops;
        *    - NO WEB UI.
        *  For durable shoots and the Web UI, install the Temporal CLI
        *  (https://docs.temporal.io/cli) and start Facet again.
        ************************************************************************""",
        port);
    return InProcessServer.start(port);
  }

  private static TemporalEndpoint devServer(TemporalProperties properties, Path data) {
    Path cli =
        TemporalCli.locate(properties.cliPath())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "facet.temporal.mode=dev-server needs the `temporal` CLI, but it is"
                            + " neither on the PATH nor in ~/.temporalio/bin or ~/go/bin."
                            + " Install it (https://docs.temporal.io/cli), set"
                            + " facet.temporal.cli-path, or use facet.temporal.mode=auto."));
    return DevServer.start(
        new DevServer.Options(
            cli,
            properties.port(),
            properties.uiPort(),
            data.resolve("temporal.sqlite"),
            data.resolve("temporal.log"),
            ShootSearchAttributes.ALL,
            properties.startupTimeout()));
  }
}
