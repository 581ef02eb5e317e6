package dev.facet.app.cli;

import dev.facet.audit.QaAudit;
import dev.facet.finish.FinishCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Facet's one command line, {@code facet <command>}: its commands, their options and the help
 * generated from them. Usage errors say what is wrong, show the command's usage and exit with 2.
 */
@Command(
    name = "facet",
    synopsisSubcommandLabel = "COMMAND",
    description =
        "Facet turns a jewelry seller's reference photos into marketplace-ready product"
            + " images.",
    commandListHeading = "%nCommands:%n",
    footer = {"", "Run 'facet help COMMAND' or 'facet COMMAND --help' for a command's options."})
public final class FacetCommand implements Callable<Integer> {

  /** Wide enough that no example in the help is broken in two. */
  private static final int HELP_WIDTH = 100;

  @Spec private CommandSpec spec;

  private FacetCommand() {}

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command.");
  }

  /**
   * @param environment the process's environment: {@code budget} reads {@code FACET_API_KEY} and
   *     {@code FACET_DATA} from it
   */
  public static CommandLine commandLine(
      Launcher launcher, PrintStream out, PrintStream err, Function<String, String> environment) {
    CommandLine facet =
        new CommandLine(new FacetCommand())
            .addSubcommand(new RunCommand(launcher, err))
            .addSubcommand(
                "serve",
                SpringCommand.of(
                    launcher::serve, "Run the HTTP API (/api/...) and the worker until stopped."))
            .addSubcommand(
                "worker",
                SpringCommand.of(
                    launcher::worker, "Run the worker only, without a web server, until stopped."))
            .addSubcommand(new QaCommand(new QaAudit(out, err)))
            .addSubcommand(new PhotoFinishCommand(new FinishCommand(out, err)))
            .addSubcommand(new KeyCommand(out))
            .addSubcommand(new BudgetCommand(out, err, environment, dataFolder(environment)))
            .addSubcommand(new HelpCommand());
    withHelpOption(facet);
    facet.getSubcommands().values().stream()
        .filter(command -> !(command.getCommand() instanceof HelpCommand))
        .forEach(FacetCommand::withHelpOption);
    return facet
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setUsageHelpWidth(HELP_WIDTH)
        .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
        .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
        .setParameterExceptionHandler(FacetCommand::refuse);
  }

  /** Every command answers {@code --help}. */
  private static void withHelpOption(CommandLine command) {
    command
        .getCommandSpec()
        .addOption(
            OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help.")
                .build());
  }

  /** A command line Facet does not understand: what is wrong, then the command's usage. */
  private static int refuse(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println();
    command.usage(err);
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Where a local Facet keeps its data, and so its admin key. */
  private static Path dataFolder(Function<String, String> environment) {
    String data = environment.apply("FACET_DATA");
    return Path.of(data == null || data.isBlank() ? "./data" : data);
  }
}
