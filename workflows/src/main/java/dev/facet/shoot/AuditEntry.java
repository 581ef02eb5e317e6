package dev.facet.shoot;

/**
 * One decision as received, accepted or not: who, what, when, and what came of it.
 *
 * @param at ISO-8601 instant (workflow time)
 * @param via "signal" or "update"
 */
public record AuditEntry(
    String at,
    String reviewer,
    Decision.Action action,
    int round,
    String via,
    boolean accepted,
    String outcome) {}
