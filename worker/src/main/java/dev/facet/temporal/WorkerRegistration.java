package dev.facet.temporal;

import io.temporal.worker.WorkerFactory;

/** Creates this process's workers and registers what they run. */
@FunctionalInterface
public interface WorkerRegistration {

  void registerOn(WorkerFactory factory);
}
