package dev.facet.finish;

import dev.facet.model.NameList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code finish}'s command line, parsed; every mistake is an {@link IllegalArgumentException} saying
 * what.
 *
 * @param channels the presets to finish for, in the order given, each once
 * @param out the folder the finished files go to
 * @param presets a user presets file merged over the built-in ones, or null
 * @param photos the seller's photos
 */
record FinishArguments(List<String> channels, Path out, Path presets, List<Path> photos) {

  static final String DEFAULT_CHANNEL = "amazon-main";
  static final Path DEFAULT_OUT = Path.of("facet-out", "finished");

  static final String USAGE =
      "usage: finish [--channel " + DEFAULT_CHANNEL + "]... [--out " + DEFAULT_OUT + "] [--presets <file>] <photo>...";

  static FinishArguments parse(String... args) {
    LinkedHashSet<String> channels = new LinkedHashSet<>();
    List<Path> photos = new ArrayList<>();
    Path out = DEFAULT_OUT, presets = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--channel", "--channels" -> {
          channels.addAll(NameList.commas(value(args, ++i, arg)));
        }
        case "--out" -> out = Path.of(value(args, ++i, arg));
        case "--presets" -> presets = Path.of(value(args, ++i, arg));
        default -> {
          if (arg.startsWith("--")) throw new IllegalArgumentException("unknown option \"" + arg + "\"");
          photos.add(Path.of(arg));
        }
      }
    }
    if (photos.isEmpty()) throw new IllegalArgumentException("no photo given");
    if (channels.isEmpty()) channels.add(DEFAULT_CHANNEL);
    return new FinishArguments(List.copyOf(channels), out, presets, List.copyOf(photos));
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
