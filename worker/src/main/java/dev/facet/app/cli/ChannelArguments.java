package dev.facet.app.cli;

import dev.facet.app.run.UsageException;
import dev.facet.imaging.ChannelPresets;
import dev.facet.model.NameList;
import dev.facet.app.policy.ChannelNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code --channel} values of {@code qa} and {@code finish} as presets' names, so {@code
 * --channel amazon} means what {@code run --channels amazon} does. The commands themselves only
 * know presets' names.
 */
public final class ChannelArguments {

  private ChannelArguments() {}

  /**
   * The arguments with each channel's alias replaced by its preset (a value may list several,
   * comma-separated); unchanged when the presets file cannot be read (the command then says why).
   *
   * @param command the command's name, for the message
   * @throws UsageException when a channel means no preset, listing the channels there are
   */
  public static String[] resolved(String command, String[] args) {
    List<String> list = List.of(args);
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
    for (int i = 1; i < args.length; i++) {
      if (args[i - 1].equals("--channel") || args[i - 1].equals("--channels")) {
        resolved[i] = NameList.commas(args[i]).stream()
            .map(name -> names.find(name).orElseThrow(() -> new UsageException(
                command + ": unknown channel '" + name + "'; the channels are " + names.describe())))
            .collect(Collectors.joining(","));
      }
    }
    return resolved;
  }
}
