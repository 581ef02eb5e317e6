package dev.facet.testing;

import dev.facet.app.policy.ChannelNames;
import dev.facet.catalog.CatalogWorkflowImpl;
import dev.facet.catalogstore.CatalogActivitiesImpl;
import dev.facet.imaging.ChannelPresets;
import dev.facet.steps.TaskQueues;
import dev.facet.storage.ObjectStore;
import dev.facet.temporal.WorkerRegistration;
import io.temporal.worker.Worker;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Registers {@link FakeShootWorkflow} instead of the real shoot and its steps, next to the real
 * catalog workflow and activities, as {@code ShootWorkers} does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeShootWorkers {

  @Bean
  @Primary
  WorkerRegistration fakeWorkerRegistration(ObjectStore store, ChannelNames channels) {
    return registration(store, channels);
  }

  /** With the built-in channel presets. */
  public static WorkerRegistration registration(ObjectStore store) {
    return registration(store, ChannelNames.of(ChannelPresets.builtIn()));
  }

  public static WorkerRegistration registration(ObjectStore store, ChannelNames channels) {
    return factory -> {
      Worker worker = factory.newWorker(TaskQueues.SHOOT);
      worker.registerWorkflowImplementationTypes(
          FakeShootWorkflow.class, CatalogWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          new FakeRenderActivities(store), new CatalogActivitiesImpl(store, channels::resolve));
    };
  }
}
