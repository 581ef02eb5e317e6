package dev.facet.app.uploads;

/**
 * A stored reference photo; {@code key} and {@code angle} go into a shoot request's {@code photos}.
 */
public record UploadedPhoto(String key, String angle, long bytes, String mediaType) {}
