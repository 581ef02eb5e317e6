package dev.facet.audit;

import java.nio.file.Path;
import java.util.List;

/**
 * What the audit is asked to judge; the worker's {@code qa} command reads it from the command line.
 *
 * @param references the seller's reference photos, at least one
 * @param candidate the image to judge
 * @param channel the preset whose checks apply
 * @param presets a user presets file merged over the built-in ones, or null
 * @param json print JSON instead of a table
 */
public record AuditArguments(
    List<Path> references, Path candidate, String channel, Path presets, boolean json) {

  public static final String DEFAULT_CHANNEL = "amazon-main";

  public AuditArguments {
    references = List.copyOf(references);
  }
}
