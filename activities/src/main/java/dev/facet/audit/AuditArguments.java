package dev.facet.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The audit's command line, parsed; every mistake is an {@link IllegalArgumentException} saying what. */
record AuditArguments(List<Path> references, Path candidate, String channel, Path presets, boolean json) {

  static final String DEFAULT_CHANNEL = "amazon-main";

  static final String USAGE =
      "usage: qa --reference <file>... --candidate <file> [--channel " + DEFAULT_CHANNEL + "]"
          + " [--presets <file>] [--json]";

  static AuditArguments parse(String... args) {
    List<Path> references = new ArrayList<>();
    Path candidate = null, presets = null;
    String channel = DEFAULT_CHANNEL;
    boolean json = false;
    int i = args.length > 0 && args[0].equals("qa") ? 1 : 0;
    while (i < args.length) {
      String arg = args[i++];
      switch (arg) {
        case "--reference", "-r" -> {
          int before = references.size();
          while (i < args.length && !args[i].startsWith("--")) references.add(Path.of(args[i++]));
          if (references.size() == before) throw new IllegalArgumentException("--reference needs at least one file");
        }
        case "--candidate", "-c" -> candidate = Path.of(value(args, i++, arg));
        case "--channel" -> channel = value(args, i++, arg);
        case "--presets" -> presets = Path.of(value(args, i++, arg));
        case "--json" -> json = true;
        default -> throw new IllegalArgumentException("unknown argument \"" + arg + "\"");
      }
    }
    if (references.isEmpty()) throw new IllegalArgumentException("no --reference photo given");
    if (candidate == null) throw new IllegalArgumentException("no --candidate image given");
    return new AuditArguments(List.copyOf(references), candidate, channel, presets, json);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
