package dev.facet.temporal;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import dev.facet.FacetProperties;
import dev.facet.shoot.ShootSearchAttributes;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Temporal server (started here when the mode says so), the connection and the client. */
@Configuration(proxyBeanMethods = false)
class TemporalConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TemporalConfiguration.class);

  @Bean(destroyMethod = "close")
  TemporalEndpoint temporalEndpoint(TemporalProperties temporal, FacetProperties facet) {
    return TemporalEndpoints.open(temporal, facet.data());
  }

  /** Temporal SDK metrics (tally) reported into Micrometer, so actuator shows them. */
  @Bean(destroyMethod = "close")
  Scope temporalMetricsScope(ObjectProvider<MeterRegistry> registry) {
    MeterRegistry meters = registry.getIfAvailable();
    if (meters == null) {
      return new NoopScope();
    }
    return new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(meters))
        .reportEvery(com.uber.m3.util.Duration.ofSeconds(10));
  }

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(
      TemporalEndpoint endpoint, TemporalProperties temporal, Scope temporalMetricsScope) {
    WorkflowServiceStubsOptions options =
        endpoint.stubsOptions().setMetricsScope(temporalMetricsScope).build();
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(options);
    String namespace = temporal.namespaceOn(endpoint);
    SearchAttributeRegistrar.ensure(stubs, namespace, ShootSearchAttributes.ALL);
    log.info("Temporal: {} (namespace {})", endpoint.description(), namespace);
    return stubs;
  }

  @Bean
  WorkflowClient workflowClient(
      WorkflowServiceStubs stubs, TemporalEndpoint endpoint, TemporalProperties temporal) {
    return WorkflowClient.newInstance(
        stubs,
        WorkflowClientOptions.newBuilder().setNamespace(temporal.namespaceOn(endpoint)).build());
  }

  @Bean
  TemporalHealthIndicator temporalHealthIndicator(
      WorkflowServiceStubs stubs, TemporalEndpoint endpoint) {
    return new TemporalHealthIndicator(stubs, endpoint);
  }
}
