package dev.facet.temporal;

import io.temporal.serviceclient.SimpleSslContextBuilder;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Optional;

/** A Temporal cluster or Temporal Cloud, reached over TLS when configured. */
final class ExternalServer implements TemporalEndpoint {

  private final TemporalProperties properties;

  ExternalServer(TemporalProperties properties) {
    if (properties.address() == null || properties.address().isBlank()) {
      throw new IllegalStateException(
          "facet.temporal.mode=external needs facet.temporal.address (host:port), e.g."
              + " my-namespace.a1b2c.tmprl.cloud:7233");
    }
    this.properties = properties;
  }

  @Override
  public String target() {
    return properties.address();
  }

  @Override
  public Optional<URI> webUi() {
    return Optional.ofNullable(properties.uiUrl());
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
  public void configure(WorkflowServiceStubsOptions.Builder options) {
    TemporalProperties.Tls tls = properties.tls();
    if (tls.mutual()) {
      options.setSslContext(mutualTls(tls));
    } else if (tls.enabled() || properties.apiKey() != null) {
      options.setEnableHttps(true);
    }
    if (properties.apiKey() != null) {
      String apiKey = properties.apiKey();
      options.addApiKey(() -> apiKey);
    }
  }

  private static io.grpc.netty.shaded.io.netty.handler.ssl.SslContext mutualTls(
      TemporalProperties.Tls tls) {
    try (InputStream cert = Files.newInputStream(tls.clientCert());
        InputStream key = Files.newInputStream(tls.clientKey())) {
      return SimpleSslContextBuilder.forPKCS8(cert, key).build();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the Temporal client certificate "
              + tls.clientCert()
              + " or its key "
              + tls.clientKey(),
          e);
    }
  }
}
