package dev.facet.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External mode reads Temporal's own client configuration (environment and {@code temporal.toml}
 * profiles, through the SDK's envconfig module), and {@code facet.temporal.*} settings win.
 */
class ExternalProfileTest {

  private static final String TOML =
      """
      [profile.default]
      address = "localhost:7233"

      [profile.prod]
      address = "prod.a1b2c.tmprl.cloud:7233"
      namespace = "prod.a1b2c"
      api_key = "key-from-profile"
      """;

  @TempDir Path home;

  @Test
  void theStandardEnvironmentVariablesReachTheClient() {
    ClientConfigProfile profile =
        ExternalProfile.load(
            facet(null, null, null),
            environment(
                Map.of(
                    "TEMPORAL_ADDRESS", "temporal.example.com:7233",
                    "TEMPORAL_NAMESPACE", "facet",
                    "TEMPORAL_API_KEY", "key-from-env")));
    ExternalServer server = new ExternalServer(profile, null);

    assertThat(server.target()).isEqualTo("temporal.example.com:7233");
    assertThat(facet(null, null, null).namespaceOn(server)).isEqualTo("facet");
    WorkflowServiceStubsOptions options = server.stubsOptions().validateAndBuildWithDefaults();
    assertThat(options.getTarget()).isEqualTo("temporal.example.com:7233");
    assertThat(options.getEnableHttps()).as("an API key implies TLS").isTrue();
    assertThat(options.getGrpcMetadataProviders()).as("the API key's header").isNotEmpty();
  }

  @Test
  void temporalProfileChoosesAProfileOfTheTomlFileAndTheEnvironmentGoesOverIt() {
    ClientConfigProfile profile =
        ExternalProfile.load(
            facet(null, null, null),
            toml(Map.of("TEMPORAL_PROFILE", "prod", "TEMPORAL_NAMESPACE", "prod-override")));

    assertThat(profile.getAddress()).isEqualTo("prod.a1b2c.tmprl.cloud:7233");
    assertThat(profile.getApiKey()).isEqualTo("key-from-profile");
    assertThat(profile.getNamespace()).isEqualTo("prod-override");
  }

  @Test
  void facetTemporalSettingsOverrideTheProfileAndTheEnvironment() {
    ClientConfigProfile profile =
        ExternalProfile.load(
            facet("facet.example.com:7233", "facet-ns", "facet-key"),
            toml(Map.of("TEMPORAL_PROFILE", "prod", "TEMPORAL_ADDRESS", "env.example.com:7233")));
    ExternalServer server = new ExternalServer(profile, null);

    assertThat(server.target()).isEqualTo("facet.example.com:7233");
    assertThat(profile.getNamespace()).isEqualTo("facet-ns");
    assertThat(profile.getApiKey()).isEqualTo("facet-key");
    assertThat(facet("facet.example.com:7233", "facet-ns", "facet-key").namespaceOn(server))
        .isEqualTo("facet-ns");
  }

  @Test
  void facetTlsTurnsOnTlsThatTheProfileLeftOff() {
    ClientConfigProfile profile =
        ExternalProfile.load(
            properties(
                "tls.example.com:7233", null, null, new TemporalProperties.Tls(true, null, null)),
            environment(Map.of()));

    WorkflowServiceStubsOptions options =
        new ExternalServer(profile, null).stubsOptions().validateAndBuildWithDefaults();
    assertThat(options.getSslContext()).isNotNull();
  }

  @Test
  void withoutAnyNamespaceItIsTemporalsDefault() {
    ExternalServer server =
        new ExternalServer(
            ExternalProfile.load(
                facet(null, null, null), environment(Map.of("TEMPORAL_ADDRESS", "t:7233"))),
            null);

    assertThat(facet(null, null, null).namespaceOn(server)).isEqualTo("default");
  }

  @Test
  void noAddressAnywhereNamesTheWaysToGiveOne() {
    ClientConfigProfile profile =
        ExternalProfile.load(facet(null, null, null), environment(Map.of()));

    assertThatThrownBy(() -> new ExternalServer(profile, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TEMPORAL_ADDRESS")
        .hasMessageContaining("temporal.toml")
        .hasMessageContaining("facet.temporal.address");
  }

  @Test
  void anUnknownProfileIsRefused() {
    assertThatThrownBy(
            () ->
                ExternalProfile.load(
                    facet(null, null, null), toml(Map.of("TEMPORAL_PROFILE", "staging"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("staging");
  }

  /** The given environment and no configuration file (not the user's own). */
  private LoadClientConfigProfileOptions environment(Map<String, String> variables) {
    return LoadClientConfigProfileOptions.newBuilder()
        .setEnvOverrides(variables)
        .setConfigFilePath(home.resolve("absent.toml").toString())
        .build();
  }

  private static LoadClientConfigProfileOptions toml(Map<String, String> variables) {
    return LoadClientConfigProfileOptions.newBuilder()
        .setEnvOverrides(variables)
        .setConfigFileData(TOML.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private static TemporalProperties facet(String address, String namespace, String apiKey) {
    return properties(address, namespace, apiKey, new TemporalProperties.Tls(false, null, null));
  }

  private static TemporalProperties properties(
      String address, String namespace, String apiKey, TemporalProperties.Tls tls) {
    return new TemporalProperties(
        TemporalProperties.Mode.EXTERNAL,
        namespace,
        7233,
        8233,
        null,
        Duration.ofSeconds(60),
        address,
        null,
        tls,
        apiKey);
  }
}
