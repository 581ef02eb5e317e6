package dev.facet.routing;

/** A variant a provider could not make, after its retries. */
public record FailedGeneration(int round, String shot, String provider, String failureType) {}
