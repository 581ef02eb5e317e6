package dev.facet.app.cli;

import dev.facet.audit.AuditArguments;
import dev.facet.audit.QaAudit;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "qa",
    sortOptions = false,
    description = {
      "Run Facet's automated QA on any JPEG, PNG or WebP against the product's reference photos:"
          + " every check with its value, threshold and verdict.",
      "Exit code 0 passed, 1 a blocking check failed, 2 unusable input."
    })
final class QaCommand implements Callable<Integer> {

  private final QaAudit audit;

  @Spec private CommandSpec spec;

  @Option(
      names = {"-r", "--reference"},
      required = true,
      arity = "1..*",
      paramLabel = "PHOTO",
      description = "The seller's reference photos of the product.")
  private List<Path> references;

  @Option(
      names = {"-c", "--candidate"},
      required = true,
      paramLabel = "IMAGE",
      description = "The image to judge.")
  private Path candidate;

  @Option(
      names = "--channel",
      paramLabel = "CHANNEL",
      description =
          "The channel whose checks apply, or its alias (amazon, google)"
              + " (default: ${DEFAULT-VALUE}).")
  private String channel = AuditArguments.DEFAULT_CHANNEL;

  @Option(
      names = "--presets",
      paramLabel = "FILE",
      description = "A presets.json merged over the built-in channel presets.")
  private Path presets;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  private boolean json;

  QaCommand(QaAudit audit) {
    this.audit = audit;
  }

  @Override
  public Integer call() {
    String preset = ChannelAliases.resolve(List.of(channel), presets, spec.commandLine()).get(0);
    return audit.run(new AuditArguments(references, candidate, preset, presets, json));
  }
}
