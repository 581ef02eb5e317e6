package dev.facet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.facet.shoot.ShootSearchAttributes;
import dev.facet.temporal.DevServer;
import dev.facet.temporal.TemporalCli;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The real parts integration tests run against: the {@code temporal} CLI's dev server and the
 * packaged {@code facet.jar}. Without the CLI the tests are skipped, unless {@code
 * FACET_REQUIRE_TEMPORAL_CLI=true} (as in CI) makes that a failure.
 */
final class RealStack {

  private RealStack() {}

  static Path cli() {
    Optional<Path> cli = TemporalCli.locate(null);
    if ("true".equals(System.getenv("FACET_REQUIRE_TEMPORAL_CLI"))) {
      assertThat(cli).as("the temporal CLI (FACET_REQUIRE_TEMPORAL_CLI=true)").isPresent();
    }
    assumeThat(cli)
        .as(
            "No `temporal` CLI found: skipped. Set FACET_REQUIRE_TEMPORAL_CLI=true to fail instead.")
        .isPresent();
    return cli.orElseThrow();
  }

  static DevServer devServer(Path data) {
    return DevServer.start(
        new DevServer.Options(
            cli(),
            0,
            0,
            data.resolve("temporal.sqlite"),
            data.resolve("temporal.log"),
            ShootSearchAttributes.ALL,
            Duration.ofSeconds(90)));
  }

  static WorkflowClient client(DevServer server) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(server.target()).build());
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
  }

  /** The jar `mvn package` built; failsafe passes its path. */
  static Path jar() {
    String jar = System.getProperty("facet.jar");
    assertThat(jar).as("system property facet.jar (set by failsafe)").isNotNull();
    return Path.of(jar);
  }

  /** The repository's root, for the example photos. */
  static Path repository() {
    Path here = Path.of("").toAbsolutePath();
    return here.getFileName().toString().equals("worker") ? here.getParent() : here;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls until the condition holds. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
