package dev.facet.temporal;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Java test server from {@code temporal-test-server}, in this process, on a loopback port so
 * that the {@code temporal} CLI and other Facet processes can reach it. Real time (no time
 * skipping), no persistence, no Web UI.
 */
final class InProcessServer implements TemporalEndpoint {

  private final TestServicesStarter services;
  private final Server server;

  private InProcessServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  /**
   * Starts the server on {@code port}, 0 for a free one.
   *
   * <p>{@code TestServer.createPortBoundServer} would bind every interface, which would offer an
   * unauthenticated Temporal to the whole network; this is the same four lines bound to loopback.
   */
  static InProcessServer start(int port) {
    TestServicesStarter services = new TestServicesStarter(true, 0);
    ServerBuilder<?> builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
            InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    try {
      return new InProcessServer(services, builder.build().start());
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException(
          "Cannot start the in-process Temporal server on port "
              + port
              + " (set facet.temporal.port, 0 picks a free one)",
          e);
    }
  }

  @Override
  public String target() {
    return InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort();
  }

  @Override
  public Optional<URI> webUi() {
    return Optional.empty();
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public String description() {
    return "the in-process Java test server (not durable, no Web UI)";
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    services.close();
    server.shutdownNow();
  }
}
