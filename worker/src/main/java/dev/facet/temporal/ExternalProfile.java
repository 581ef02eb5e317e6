package dev.facet.temporal;

import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.ClientConfigTLS;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * How to reach an external Temporal server: Temporal's own client configuration, read by the SDK's
 * environment-configuration module ({@code TEMPORAL_ADDRESS}, {@code TEMPORAL_NAMESPACE}, {@code
 * TEMPORAL_API_KEY}, {@code TEMPORAL_TLS_*}, and the {@code temporal.toml} profile that {@code
 * TEMPORAL_PROFILE} names), so an operator's {@code temporal} CLI profile works as is; every {@code
 * facet.temporal.*} setting that is set wins over it.
 */
final class ExternalProfile {

  private ExternalProfile() {}

  /** The profile from this process's environment and the default {@code temporal.toml}. */
  static ClientConfigProfile load(TemporalProperties facet) {
    return load(facet, LoadClientConfigProfileOptions.newBuilder().build());
  }

  /**
   * The profile from {@code source} (an environment and a TOML file or its bytes), under {@code
   * facet}'s settings.
   *
   * @throws IllegalArgumentException when {@code TEMPORAL_PROFILE} names a profile the file lacks
   */
  static ClientConfigProfile load(TemporalProperties facet, LoadClientConfigProfileOptions source) {
    ClientConfigProfile profile;
    try {
      profile = ClientConfigProfile.load(source);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Temporal client configuration file", e);
    }
    ClientConfigProfile.Builder merged = profile.toBuilder();
    if (facet.address() != null) {
      merged.setAddress(facet.address());
    }
    if (facet.namespace() != null) {
      merged.setNamespace(facet.namespace());
    }
    if (facet.apiKey() != null) {
      merged.setApiKey(facet.apiKey());
    }
    TemporalProperties.Tls tls = facet.tls();
    if (tls.enabled() || tls.clientCert() != null || tls.clientKey() != null) {
      ClientConfigTLS.Builder overTls =
          profile.getTls() == null ? ClientConfigTLS.newBuilder() : profile.getTls().toBuilder();
      overTls.setDisabled(false);
      if (tls.clientCert() != null) {
        overTls.setClientCertPath(pathOf(tls.clientCert())).setClientCertData(null);
      }
      if (tls.clientKey() != null) {
        overTls.setClientKeyPath(pathOf(tls.clientKey())).setClientKeyData(null);
      }
      merged.setTls(overTls.build());
    }
    return merged.build();
  }

  private static String pathOf(Path file) {
    return file.toString();
  }
}
