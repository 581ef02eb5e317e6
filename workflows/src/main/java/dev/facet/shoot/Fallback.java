package dev.facet.shoot;

/**
 * A variant that moved to another generator, or to a softened prompt, and why.
 *
 * @param to the next provider, or null when none was left
 */
public record Fallback(int round, String subject, String from, String to, String reason) {}
