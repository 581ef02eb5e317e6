package dev.facet.app.run;

import java.nio.file.Path;

/** A finished image copied out of the object store. */
record ExportedImage(String sku, String shot, String channel, Path file, int width, int height) {}
