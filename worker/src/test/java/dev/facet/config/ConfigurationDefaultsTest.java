package dev.facet.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.FacetProperties;
import dev.facet.app.catalog.CatalogProperties;
import dev.facet.app.objectstore.StoreProperties;
import dev.facet.app.providers.ProviderProperties;
import dev.facet.app.run.RunProperties;
import dev.facet.app.uploads.UploadProperties;
import dev.facet.temporal.TemporalProperties;
import dev.facet.temporal.WorkerProperties;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** application.yaml documents the defaults; this keeps it from drifting from the code's. */
class ConfigurationDefaultsTest {

  static List<Arguments> properties() {
    return List.of(
        Arguments.of("facet", FacetProperties.class),
        Arguments.of("facet.store", StoreProperties.class),
        Arguments.of("facet.temporal", TemporalProperties.class),
        Arguments.of("facet.worker", WorkerProperties.class),
        Arguments.of("facet.uploads", UploadProperties.class),
        Arguments.of("facet.catalog", CatalogProperties.class),
        Arguments.of("facet.run", RunProperties.class),
        Arguments.of("facet.providers", ProviderProperties.class));
  }

  @ParameterizedTest
  @MethodSource("properties")
  void applicationYamlStatesTheCodesDefaults(String prefix, Class<?> type) throws IOException {
    Binder code = new Binder(new MapConfigurationPropertySource());
    Binder yaml =
        new Binder(
            ConfigurationPropertySources.from(
                new YamlPropertySourceLoader()
                    .load("application.yaml", new ClassPathResource("application.yaml"))));

    assertThat(yaml.bindOrCreate(prefix, type)).isEqualTo(code.bindOrCreate(prefix, type));
  }
}
