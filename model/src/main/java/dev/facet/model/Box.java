package dev.facet.model;

/** A pixel bounding box, {@code [x, y)} to {@code [x + width, y + height)}. */
public record Box(int x, int y, int width, int height) {}
