package dev.facet.providers.flux;

/**
 * What a FLUX generation heartbeats: the paid task it waits for, and how many tasks this variant
 * has cost so far. A retry after a crash reads it and resumes polling instead of paying again.
 */
public record FluxCheckpoint(FluxTask task, int submissions, double costUsd) {

  public static FluxCheckpoint first(FluxTask task) {
    return new FluxCheckpoint(task, 1, task.costUsd());
  }

  public FluxCheckpoint resubmitted(FluxTask next) {
    return new FluxCheckpoint(next, submissions + 1, costUsd + next.costUsd());
  }
}
