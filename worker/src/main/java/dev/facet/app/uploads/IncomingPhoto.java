package dev.facet.app.uploads;

/**
 * A photo as received, before inspection.
 *
 * @param originalName the client's file name, for messages only: it never becomes part of a key
 * @param angle the seller's angle tag, may be empty
 */
public record IncomingPhoto(String originalName, byte[] bytes, String angle) {}
