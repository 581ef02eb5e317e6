package dev.facet.model;

/**
 * Stones of one kind in a piece.
 *
 * @param type e.g. "diamond", "sapphire"
 * @param count how many
 * @param cut e.g. "round brilliant"
 * @param colour plain words for the prompt, e.g. "colourless", "royal blue"
 */
public record Stone(String type, int count, String cut, String colour) {}
