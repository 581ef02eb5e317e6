package dev.facet.model;

/**
 * One picture the style guide asks for.
 *
 * @param name short id, used in object keys and decisions, e.g. "hero"
 * @param angle camera angle in words, for prompts, e.g. "three-quarter front view, slightly above"
 * @param referenceAngle which uploaded reference photos show this angle (their {@code angle} tag);
 *     the studio renderer takes its angle source from them
 */
public record ShotSpec(String name, String angle, String referenceAngle) {}
