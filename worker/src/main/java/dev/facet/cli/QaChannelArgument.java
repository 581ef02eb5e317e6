package dev.facet.cli;

import dev.facet.imaging.ChannelPresets;
import dev.facet.policy.ChannelNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code qa}'s {@code --channel} as the preset's name, so {@code qa --channel amazon} means what
 * {@code run --channels amazon} does. The audit itself only knows presets' names.
 */
public final class QaChannelArgument {

  private QaChannelArgument() {}

  /**
   * The arguments with the channel's alias replaced by its preset; unchanged when there is no
   * {@code --channel} or its presets file cannot be read (the audit then says why).
   *
   * @throws UsageException when the channel means no preset, listing the channels there are
   */
  public static String[] resolved(String[] args) {
    List<String> list = List.of(args);
    int channel = list.indexOf("--channel") + 1;
    if (channel == 0 || channel >= args.length) {
      return args;
    }
    int presetsAt = list.indexOf("--presets") + 1;
    Optional<Path> presetsFile =
        presetsAt > 0 && presetsAt < args.length ? Optional.of(Path.of(args[presetsAt])) : Optional.empty();
    ChannelNames names;
    try {
      names = ChannelNames.of(ChannelPresets.of(presetsFile));
    } catch (RuntimeException e) {
      return args;
    }
    String[] resolved = args.clone();
    resolved[channel] =
        names.find(args[channel])
            .orElseThrow(() -> new UsageException(
                "qa: unknown channel '" + args[channel] + "'; the channels are " + names.describe()));
    return resolved;
  }
}
