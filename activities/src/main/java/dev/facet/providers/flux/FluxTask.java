package dev.facet.providers.flux;

/**
 * A submitted, paid BFL task.
 *
 * @param pollingUrl exactly as BFL returned it: it may name another cluster, so it is never rebuilt
 * @param costUsd what the submit answer said it costs, else the list price
 */
public record FluxTask(String id, String pollingUrl, double costUsd) {}
