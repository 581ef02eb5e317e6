package dev.facet.temporal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which Temporal server to use, and how to reach it.
 *
 * @param mode see {@link Mode}
 * @param namespace the namespace for workflows; when empty, an external server's client profile
 *     names it ({@code TEMPORAL_NAMESPACE}, {@code temporal.toml}), else {@code default}
 * @param port gRPC port of a local server (every mode but {@code external}); 0 for a free one
 * @param uiPort Web UI port of a dev server this process starts; 0 for a free one
 * @param cliPath the {@code temporal} CLI; when empty it is looked for on the PATH, then in {@code
 *     ~/.temporalio/bin} and {@code ~/go/bin}
 * @param startupTimeout how long a dev server may take to answer
 * @param address {@code host:port} of an external server; over its client profile's ({@code
 *     TEMPORAL_ADDRESS}, {@code temporal.toml})
 * @param uiUrl Web UI of an external server, for the links Facet prints; optional
 * @param tls TLS towards an external server, over its client profile's ({@code TEMPORAL_TLS_*})
 * @param apiKey API key for an external server (Temporal Cloud), over its client profile's ({@code
 *     TEMPORAL_API_KEY}); sent over TLS only
 */
@ConfigurationProperties("facet.temporal")
public record TemporalProperties(
    @DefaultValue("auto") Mode mode,
    String namespace,
    @DefaultValue("7233") int port,
    @DefaultValue("8233") int uiPort,
    Path cliPath,
    @DefaultValue("60s") Duration startupTimeout,
    String address,
    URI uiUrl,
    @DefaultValue Tls tls,
    String apiKey) {

  /** Temporal's own default namespace. */
  public static final String DEFAULT_NAMESPACE = "default";

  public TemporalProperties {
    namespace = blankToNull(namespace);
    address = blankToNull(address);
    apiKey = blankToNull(apiKey);
  }

  /** The namespace to use on {@code endpoint}: this setting, else the endpoint's, else default. */
  public String namespaceOn(TemporalEndpoint endpoint) {
    if (namespace != null) {
      return namespace;
    }
    return endpoint.namespace().orElse(DEFAULT_NAMESPACE);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  public enum Mode {
    /** Reuse a server answering on the port, else start a dev server, else run in-process. */
    AUTO,
    /** Start {@code temporal server start-dev}; fail when the CLI is missing. */
    DEV_SERVER,
    /** The Java test server inside this process: not durable, no Web UI. */
    IN_PROCESS,
    /** A Temporal cluster or Temporal Cloud at {@code address}. */
    EXTERNAL
  }

  /**
   * @param enabled use TLS even without a client certificate (true turns on TLS that a client
   *     profile left off; false leaves the profile's choice)
   * @param clientCert PEM client certificate chain, for mutual TLS
   * @param clientKey PEM PKCS#8 private key of {@code clientCert}
   */
  public record Tls(boolean enabled, Path clientCert, Path clientKey) {}

  @Override
  public String toString() {
    // Never print the API key.
    return "TemporalProperties[mode=%s, namespace=%s, port=%d, address=%s, apiKey=%s]"
        .formatted(mode, namespace, port, address, apiKey == null ? "none" : "****");
  }
}
