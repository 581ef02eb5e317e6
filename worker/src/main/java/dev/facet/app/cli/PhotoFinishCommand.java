package dev.facet.app.cli;

import dev.facet.app.cli.Converters.Names;
import dev.facet.app.cli.Converters.NamesConverter;
import dev.facet.finish.FinishArguments;
import dev.facet.finish.FinishCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code finish}'s command line, for {@link FinishCommand} (activities), which does the work. */
@Command(
    name = "finish",
    sortOptions = false,
    description = {
      "Finish your own photos for channels without a shoot: the same cut-out, clean-up, staging,"
          + " resizing, sharpening, encoding and metadata as a shoot's post-processing, as"
          + " <photo>-<channel>.<ext>. A photo that cannot be used is reported and the others are"
          + " still finished.",
      "Exit code 0 all finished, 1 some not, 2 bad arguments."
    })
final class PhotoFinishCommand implements Callable<Integer> {

  private final FinishCommand finish;

  @Spec private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PHOTO", description = "The photos to finish.")
  private List<Path> photos;

  @Option(
      names = {"--channel", "--channels"},
      paramLabel = "NAMES",
      converter = NamesConverter.class,
      description =
          "The channels, or their aliases, to finish for; may repeat or list several"
              + " (amazon,etsy) (default: "
              + FinishArguments.DEFAULT_CHANNEL
              + ").")
  private List<Names> channels = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where the finished files go (default: ${DEFAULT-VALUE}).")
  private Path out = FinishArguments.DEFAULT_OUT;

  @Option(
      names = "--presets",
      paramLabel = "FILE",
      description = "A presets.json merged over the built-in channel presets.")
  private Path presets;

  PhotoFinishCommand(FinishCommand finish) {
    this.finish = finish;
  }

  @Override
  public Integer call() {
    List<String> named = channels.stream().flatMap(names -> names.list().stream()).toList();
    return finish.run(
        new FinishArguments(
            ChannelAliases.resolve(named, presets, spec.commandLine()), out, presets, photos));
  }
}
