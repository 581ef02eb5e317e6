package dev.facet.generators;

import dev.facet.storage.ObjectStore;
import dev.facet.temporal.WorkerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The paid generators from {@code facet.providers}, and what the API may promise about them. */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

  @Bean
  ProviderGenerators providerGenerators(ObjectStore store, ProviderProperties providers) {
    return ProviderGenerators.create(store, providers);
  }

  @Bean
  ServedProviders servedProviders(WorkerProperties worker, ProviderGenerators paid) {
    return worker.enabled() ? ServedProviders.here(paid) : ServedProviders.elsewhere();
  }
}
