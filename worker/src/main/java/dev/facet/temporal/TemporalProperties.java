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
 * @param namespace the namespace for workflows
 * @param port gRPC port of a local server (every mode but {@code external}); 0 for a free one
 * @param uiPort Web UI port of a dev server this process starts; 0 for a free one
 * @param cliPath the {@code temporal} CLI; when empty it is looked for on the PATH, then in {@code
 *     ~/.temporalio/bin} and {@code ~/go/bin}
 * @param startupTimeout how long a dev server may take to answer
 * @param address {@code host:port} of an external server
 * @param uiUrl Web UI of an external server, for the links Facet prints; optional
 * @param tls TLS towards an external server
 * @param apiKey API key for an external server (Temporal Cloud); sent over TLS only
 */
@ConfigurationProperties("facet.temporal")
public record TemporalProperties(
    @DefaultValue("auto") Mode mode,
    @DefaultValue("default") String namespace,
    @DefaultValue("7233") int port,
    @DefaultValue("8233") int uiPort,
    Path cliPath,
    @DefaultValue("60s") Duration startupTimeout,
    String address,
    URI uiUrl,
    @DefaultValue Tls tls,
    String apiKey) {

  public TemporalProperties {
    address = blankToNull(address);
    apiKey = blankToNull(apiKey);
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
   * @param enabled use TLS even without a client certificate
   * @param clientCert PEM client certificate chain, for mutual TLS
   * @param clientKey PEM PKCS#8 private key of {@code clientCert}
   */
  public record Tls(boolean enabled, Path clientCert, Path clientKey) {

    public boolean mutual() {
      return clientCert != null && clientKey != null;
    }
  }

  @Override
  public String toString() {
    // Never print the API key.
    return "TemporalProperties[mode=%s, namespace=%s, port=%d, address=%s, apiKey=%s]"
        .formatted(mode, namespace, port, address, apiKey == null ? "none" : "****");
  }
}
