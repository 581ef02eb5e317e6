package dev.facet.model;

/**
 * A claim check for an image (or any object) in the object store. Image bytes never enter workflow
 * history; activities exchange these small references instead.
 *
 * @param key object key in the configured bucket
 * @param sha256 lowercase hex digest of the stored bytes
 * @param bytes stored size
 * @param mediaType e.g. {@code image/png}
 * @param width pixel width, 0 when the object is not an image
 * @param height pixel height, 0 when the object is not an image
 */
public record ImageRef(
    String key, String sha256, long bytes, String mediaType, int width, int height) {}
