package dev.facet.model;

/** The prompt for one shot of one round. */
public record ShotPrompt(String shot, String prompt) {}
