package dev.facet.app.providers;

import dev.facet.providerreport.ProviderReportActivitiesImpl;
import dev.facet.storage.ObjectStore;
import dev.facet.temporal.WorkerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The paid generators from {@code facet.providers}, what the API may promise about them, and the
 * report that measures them: one instance, so the API, the CLI and the workers share what it has
 * read.
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

  @Bean
  ProviderGenerators providerGenerators(ObjectStore store, ProviderProperties providers) {
    return ProviderGenerators.create(store, providers);
  }

  @Bean
  ProviderReportActivitiesImpl providerReports(ObjectStore store) {
    return new ProviderReportActivitiesImpl(store);
  }

  @Bean
  ImagePrices imagePrices(ProviderProperties providers) {
    return new ImagePrices(providers);
  }

  @Bean
  ServedProviders servedProviders(WorkerProperties worker, ProviderGenerators paid) {
    return worker.enabled() ? ServedProviders.here(paid) : ServedProviders.elsewhere();
  }
}
