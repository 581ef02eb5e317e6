package dev.facet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.app.objectstore.StoreProperties;
import dev.facet.temporal.TemporalProperties;
import dev.facet.temporal.WorkerProperties;
import dev.facet.temporal.WorkerProperties.GeneratorLimits;
import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The environment variables that deploy/k8s and deploy/compose set reach the settings they are
 * meant for, bound the way Spring Boot binds the process environment (a misspelt name would be
 * silently ignored by the running application).
 */
class DeploySettingsTest {

  private static final Path DEPLOY = Path.of("..", "deploy");

  @Test
  void theKubernetesConfigMapConfiguresAnExternalClusterS3AndTheProviderLimits()
      throws IOException {
    Map<String, Object> data = yamlMap(load(DEPLOY.resolve("k8s/config.yaml")).get("data"));
    Binder binder = environment(data);

    WorkerProperties worker = binder.bindOrCreate("facet.worker", WorkerProperties.class);
    assertThat(worker.limitsFor("flux")).isEqualTo(new GeneratorLimits(12, 2.4));
    assertThat(worker.limitsFor("openai").maxConcurrent()).isEqualTo(4);
    assertThat(worker.stepsMaxConcurrent()).isEqualTo(2);

    TemporalProperties temporal = binder.bindOrCreate("facet.temporal", TemporalProperties.class);
    assertThat(temporal.mode()).isEqualTo(TemporalProperties.Mode.EXTERNAL);
    // The server is named by Temporal's own client variables, which Facet does not override here.
    assertThat(temporal.address()).isNull();
    assertThat(temporal.namespace()).isNull();
    ClientConfigProfile client = temporalClientProfile(data);
    assertThat(client.getAddress()).isEqualTo("temporal-frontend.temporal.svc.cluster.local:7233");
    assertThat(client.getNamespace()).isEqualTo("facet");

    StoreProperties store = binder.bindOrCreate("facet.store", StoreProperties.class);
    assertThat(store.mode()).isEqualTo(StoreProperties.Mode.EXTERNAL);
    assertThat(store.bucket()).isEqualTo("facet-catalog");
    // No endpoint: AWS S3 (an empty FACET_STORE_ENDPOINT would not mean "unset").
    assertThat(store.endpoint()).isNull();
  }

  @Test
  void theComposeWorkersGetTheirFluxLimitAndTheStackItsServices() throws IOException {
    Map<String, Object> services =
        yamlMap(load(DEPLOY.resolve("compose/compose.yaml")).get("services"));
    Map<String, Object> env =
        new LinkedHashMap<>(yamlMap(yamlMap(services.get("facet-worker")).get("environment")));
    // Interpolation is compose's job (checked by deploy/check); here a value it could produce.
    env.replaceAll((name, value) -> String.valueOf(value).startsWith("${") ? "" : value);
    env.put("FACET_WORKER_GENERATORS_FLUX_MAXCONCURRENT", "12");
    env.put("FACET_STORE_SECRET_KEY", "secret");
    Binder binder = environment(env);

    assertThat(binder.bindOrCreate("facet.worker", WorkerProperties.class).limitsFor("flux"))
        .isEqualTo(new GeneratorLimits(12, null));
    TemporalProperties temporal = binder.bindOrCreate("facet.temporal", TemporalProperties.class);
    assertThat(temporal.mode()).isEqualTo(TemporalProperties.Mode.EXTERNAL);
    assertThat(temporalClientProfile(env).getAddress()).isEqualTo("temporal:7233");
    StoreProperties store = binder.bindOrCreate("facet.store", StoreProperties.class);
    assertThat(store.endpoint()).isEqualTo(URI.create("http://minio:9000"));
    assertThat(store.secretKey()).isEqualTo("secret");
    assertThat(env).containsEntry("FACET_ROLE", "worker");
    assertThat(services.keySet())
        .containsAll(
            List.of(
                "postgresql", "temporal", "temporal-setup", "temporal-ui", "minio", "facet-api"));
  }

  /**
   * As the Temporal SDK's client configuration reads the process environment (no temporal.toml).
   */
  private static ClientConfigProfile temporalClientProfile(Map<String, Object> variables)
      throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    variables.forEach((name, value) -> env.put(name, String.valueOf(value)));
    return ClientConfigProfile.load(
        LoadClientConfigProfileOptions.newBuilder()
            .setEnvOverrides(env)
            .setConfigFilePath(DEPLOY.resolve("no-temporal.toml").toString())
            .build());
  }

  /** As Spring Boot sees the process environment (the source's name selects its name mapping). */
  private static Binder environment(Map<String, Object> variables) {
    return new Binder(
        ConfigurationPropertySources.from(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
  }

  private static Map<String, Object> load(Path file) throws IOException {
    return yamlMap(new Yaml().load(Files.readString(file)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yamlMap(Object node) {
    return (Map<String, Object>) node;
  }
}
