package dev.facet.shoot;

/** The answer to an accepted {@code decide} update. */
public record DecisionReceipt(Decision.Action action, int round, String outcome) {}
