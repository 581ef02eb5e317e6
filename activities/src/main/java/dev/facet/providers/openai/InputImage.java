package dev.facet.providers.openai;

/** A file part of an edit request: a reference photo or the mask. */
public record InputImage(String filename, byte[] bytes, String mediaType) {}
