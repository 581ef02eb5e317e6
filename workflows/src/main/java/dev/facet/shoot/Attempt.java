package dev.facet.shoot;

/**
 * The outcome of one activity invocation (with all its retries), kept in the shoot's state.
 *
 * @param step e.g. "generate"
 * @param subject what it worked on, e.g. "hero v2" or "hero amazon-main"
 * @param attempts how many attempts Temporal made
 * @param ok whether it finally succeeded
 * @param failureType the typed failure when it did not, e.g. "InvalidInput"
 * @param message the failure in words
 */
public record Attempt(
    int round,
    String step,
    String subject,
    int attempts,
    boolean ok,
    String failureType,
    String message) {}
