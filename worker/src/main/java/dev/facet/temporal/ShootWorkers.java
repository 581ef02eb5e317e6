package dev.facet.temporal;

import dev.facet.activities.StepActivities;
import dev.facet.activities.StepSettings;
import dev.facet.app.policy.ChannelNames;
import dev.facet.catalog.CatalogWorkflowImpl;
import dev.facet.catalogstore.CatalogActivitiesImpl;
import dev.facet.catalogwatch.TemporalShootWatch;
import dev.facet.providerreport.ProviderReportActivitiesImpl;
import dev.facet.shoot.ProductShootWorkflowImpl;
import dev.facet.steps.GenerationActivities;
import dev.facet.steps.TaskQueues;
import dev.facet.storage.ObjectStore;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The product shoot and the catalog: their workflows, the catalog's I/O and every step but
 * generation on {@link TaskQueues#SHOOT}, and one worker per generation provider on its own queue,
 * so each provider's limits hold however many workers run.
 */
final class ShootWorkers implements WorkerRegistration {

  private final ObjectStore store;
  private final StepSettings settings;
  private final WorkerProperties properties;
  private final Map<String, ? extends GenerationActivities> paidGenerators;
  private final ProviderReportActivitiesImpl reports;
  private final ChannelNames channelNames;

  /**
   * @param paidGenerators the provider generators this worker serves besides the studio renderer
   * @param channelNames resolves the channels a catalog row names, aliases included
   */
  ShootWorkers(
      ObjectStore store,
      StepSettings settings,
      WorkerProperties properties,
      Map<String, ? extends GenerationActivities> paidGenerators,
      ProviderReportActivitiesImpl reports,
      ChannelNames channelNames) {
    this.store = store;
    this.settings = settings;
    this.properties = properties;
    this.paidGenerators = Map.copyOf(paidGenerators);
    this.reports = reports;
    this.channelNames = channelNames;
  }

  @Override
  public void registerOn(WorkerFactory factory) {
    StepActivities steps = StepActivities.create(store, settings);
    // Workflow tasks are not limited here: only the step activities, which hold decoded photos.
    Worker shoot =
        factory.newWorker(
            TaskQueues.SHOOT,
            WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(properties.stepsMaxConcurrent())
                .build());
    shoot.registerWorkflowImplementationTypes(
        ProductShootWorkflowImpl.class, CatalogWorkflowImpl.class);
    shoot.registerActivitiesImplementations(steps.shootQueue().toArray());
    shoot.registerActivitiesImplementations(
        new CatalogActivitiesImpl(store, channelNames::resolve),
        new TemporalShootWatch(factory.getWorkflowClient()),
        reports);
    Map<String, GenerationActivities> generators = new LinkedHashMap<>(steps.generators());
    generators.putAll(paidGenerators);
    generators.forEach(
        (provider, generator) ->
            factory
                .newWorker(TaskQueues.generation(provider), generatorOptions(provider))
                .registerActivitiesImplementations(generator));
  }

  private WorkerOptions generatorOptions(String provider) {
    WorkerProperties.GeneratorLimits limits = properties.limitsFor(provider);
    WorkerOptions.Builder options =
        WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(limits.maxConcurrent());
    if (limits.maxPerSecond() != null) {
      options.setMaxTaskQueueActivitiesPerSecond(limits.maxPerSecond());
    }
    return options.build();
  }
}
