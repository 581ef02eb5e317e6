package dev.facet.finish;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code finish} is asked to make; the worker's {@code finish} command reads it from the
 * command line.
 *
 * @param channels the presets to finish for, in the order given, each once
 * @param out the folder the finished files go to
 * @param presets a user presets file merged over the built-in ones, or null
 * @param photos the seller's photos
 */
public record FinishArguments(List<String> channels, Path out, Path presets, List<Path> photos) {

  public static final String DEFAULT_CHANNEL = "amazon-main";
  public static final Path DEFAULT_OUT = Path.of("facet-out", "finished");

  public FinishArguments {
    channels =
        channels.isEmpty() ? List.of(DEFAULT_CHANNEL) : channels.stream().distinct().toList();
    photos = List.copyOf(photos);
  }
}
