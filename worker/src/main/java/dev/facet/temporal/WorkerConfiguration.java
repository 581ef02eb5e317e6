package dev.facet.temporal;

import dev.facet.FacetProperties;
import dev.facet.activities.StepSettings;
import dev.facet.app.policy.ChannelNames;
import dev.facet.app.providers.ProviderGenerators;
import dev.facet.imaging.ChannelPresets;
import dev.facet.imaging.QaThresholds;
import dev.facet.providerreport.ProviderReportActivitiesImpl;
import dev.facet.storage.ObjectStore;
import io.temporal.client.WorkflowClient;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workers, unless {@code facet.worker.enabled=false} makes this an API-only process. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "facet.worker.enabled", havingValue = "true", matchIfMissing = true)
class WorkerConfiguration {

  @Bean
  WorkerRegistration shootWorkers(
      ObjectStore store,
      FacetProperties facet,
      WorkerProperties properties,
      ProviderGenerators paid,
      ProviderReportActivitiesImpl reports,
      ChannelPresets presets,
      ChannelNames channelNames) {
    // A broken file stops the start with its error rather than falling back silently.
    StepSettings settings =
        StepSettings.of(presets, QaThresholds.of(Optional.ofNullable(facet.qaThresholds())));
    return new ShootWorkers(store, settings, properties, paid.byProvider(), reports, channelNames);
  }

  @Bean
  TemporalWorkers temporalWorkers(WorkflowClient client, WorkerRegistration registration) {
    return new TemporalWorkers(client, registration);
  }
}
