package dev.facet.app.cli;

import dev.facet.app.policy.ChannelNames;
import dev.facet.imaging.ChannelPresets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The channels of {@code qa} and {@code finish} as presets' names, so {@code --channel amazon}
 * means what {@code run --channels amazon} does; the audit and the finisher only know presets. It
 * waits for the whole command line: which names exist depends on {@code --presets}.
 */
final class ChannelAliases {

  private ChannelAliases() {}

  /**
   * The names with each alias replaced by its preset; unchanged when the presets file cannot be
   * read (the command then says why).
   *
   * @throws ParameterException when a channel means no preset, listing the channels there are
   */
  static List<String> resolve(List<String> channels, Path presets, CommandLine command) {
    ChannelNames names;
    try {
      names = ChannelNames.of(ChannelPresets.of(Optional.ofNullable(presets)));
    } catch (RuntimeException e) {
      return channels;
    }
    return channels.stream()
        .map(
            name ->
                names
                    .find(name)
                    .orElseThrow(
                        () ->
                            new ParameterException(
                                command,
                                "Unknown channel '"
                                    + name
                                    + "'; the channels are "
                                    + names.describe())))
        .toList();
  }
}
