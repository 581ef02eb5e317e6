package dev.facet.temporal;

import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.util.Optional;

/** The Temporal frontend this process talks to, and whatever this process does to keep it up. */
public interface TemporalEndpoint extends AutoCloseable {

  /** The gRPC target, {@code host:port}. */
  String target();

  /** The Web UI, when there is one. */
  Optional<URI> webUi();

  /** Whether workflows survive this process. */
  boolean durable();

  /** What to tell a person about this server, e.g. "dev server with data/temporal.sqlite". */
  String description();

  /**
   * The namespace this server's own client configuration names (an external server's profile);
   * empty: {@code facet.temporal.namespace} decides ({@link TemporalProperties#namespaceOn}).
   */
  default Optional<String> namespace() {
    return Optional.empty();
  }

  /**
   * The connection's options: the target, and whatever else it needs, such as TLS or an API key.
   */
  default WorkflowServiceStubsOptions.Builder stubsOptions() {
    return WorkflowServiceStubsOptions.newBuilder().setTarget(target());
  }

  /** Stops what this process started; a server that was already running is left alone. */
  @Override
  default void close() {}
}
