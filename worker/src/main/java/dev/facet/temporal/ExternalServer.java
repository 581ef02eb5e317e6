package dev.facet.temporal;

import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.util.Optional;

/**
 * A Temporal cluster or Temporal Cloud, reached as its client profile says ({@link
 * ExternalProfile}): address, namespace, API key, TLS and gRPC metadata.
 */
final class ExternalServer implements TemporalEndpoint {

  private final ClientConfigProfile profile;
  private final URI webUi;

  ExternalServer(ClientConfigProfile profile, URI webUi) {
    if (profile.getAddress() == null || profile.getAddress().isBlank()) {
      throw new IllegalStateException(
          "facet.temporal.mode=external needs the server's host:port: TEMPORAL_ADDRESS, the"
              + " address of the temporal.toml profile (TEMPORAL_PROFILE), or"
              + " facet.temporal.address; e.g. my-namespace.a1b2c.tmprl.cloud:7233");
    }
    this.profile = profile;
    this.webUi = webUi;
  }

  @Override
  public String target() {
    return profile.getAddress();
  }

  @Override
  public Optional<String> namespace() {
    return Optional.ofNullable(profile.getNamespace()).filter(name -> !name.isBlank());
  }

  @Override
  public Optional<URI> webUi() {
    return Optional.ofNullable(webUi);
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public String description() {
    return "the Temporal server at " + target();
  }

  @Override
  public WorkflowServiceStubsOptions.Builder stubsOptions() {
    return WorkflowServiceStubsOptions.newBuilder(profile.toWorkflowServiceStubsOptions());
  }
}
