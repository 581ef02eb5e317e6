package dev.facet.app.run;

import java.nio.file.Path;

/**
 * A reference photo on disk.
 *
 * @param path absolute
 * @param angle the seller's angle tag, e.g. "front"; may be empty
 */
public record PhotoFile(Path path, String angle) {}
