package dev.facet.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Starts polling once the application is up and drains in-flight tasks when it stops. */
class TemporalWorkers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TemporalWorkers.class);

  /** An activity still running after this is retried by Temporal on another worker. */
  private static final Duration DRAIN = Duration.ofSeconds(10);

  private final WorkerFactory factory;
  private volatile boolean running;

  TemporalWorkers(WorkflowClient client, WorkerRegistration registration) {
    this.factory = WorkerFactory.newInstance(client);
    registration.registerOn(factory);
  }

  @Override
  public void start() {
    factory.start();
    running = true;
    log.info("Temporal workers polling");
  }

  @Override
  public void stop() {
    running = false;
    factory.shutdown();
    factory.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
    if (!factory.isTerminated()) {
      factory.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
