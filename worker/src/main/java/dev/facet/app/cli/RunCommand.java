package dev.facet.app.cli;

import dev.facet.app.cli.Converters.ApprovalConverter;
import dev.facet.app.cli.Converters.CountConverter;
import dev.facet.app.cli.Converters.Names;
import dev.facet.app.cli.Converters.NamesConverter;
import dev.facet.app.cli.Converters.UsdConverter;
import dev.facet.app.cli.Converters.VariantsConverter;
import dev.facet.app.policy.ChoiceParser;
import dev.facet.app.policy.ShootChoices;
import dev.facet.app.run.CatalogFile;
import dev.facet.app.run.RunOptions;
import dev.facet.app.run.UsageException;
import dev.facet.manifest.ManifestException;
import dev.facet.shoot.ShootPolicy;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(
    name = "run",
    sortOptions = false,
    footer = SpringProperties.HELP,
    description = {
      "Shoot every product of the catalog as one Catalog workflow on the embedded stack, show its"
          + " progress, and copy the finished images and the report to the output folder, with a"
          + " contact sheet, index.html.",
      "A catalog row's own channels, providers and variants columns override these options for"
          + " that product. An unknown name, in an option or a row, is refused, with the valid"
          + " ones, before anything is uploaded or started. Running a catalog that is still"
          + " running follows it; one that has finished shows its results."
    })
final class RunCommand implements Callable<Integer> {

  private final Launcher launcher;
  private final PrintStream err;

  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "CATALOG", description = "The catalog: a .csv or .json file.")
  private Path catalog;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where the finished images go (default: ${DEFAULT-VALUE}).")
  private Path out = RunOptions.DEFAULT_OUT;

  @Option(
      names = "--id",
      paramLabel = "ID",
      description = "The catalog's id (default: the JSON \"id\", else the file name).")
  private String id;

  @Option(
      names = "--approval",
      paramLabel = "auto|manual",
      converter = ApprovalConverter.class,
      description = "Overrides the catalog's approval policy (default: auto).")
  private ShootPolicy.Approval approval;

  @Option(
      names = "--policy",
      paramLabel = "auto|manual",
      converter = ApprovalConverter.class,
      description = "--approval's older name.")
  private ShootPolicy.Approval policy;

  @Option(
      names = "--channels",
      paramLabel = "NAMES",
      converter = NamesConverter.class,
      description =
          "The channel presets to finish for, aliases included, e.g. amazon,etsy"
              + " (default: amazon-main,master).")
  private Names channels = Names.NONE;

  @Option(
      names = "--providers",
      paramLabel = "NAMES",
      converter = NamesConverter.class,
      description =
          "The generator chain, first choice first, each a provider or provider:model,"
              + " e.g. flux,openai:gpt-image-2,studio (default: studio).")
  private Names providers = Names.NONE;

  @Option(
      names = "--variants",
      paramLabel = "N",
      converter = VariantsConverter.class,
      description = "Candidates per shot, 1-10 (default: 4).")
  private Integer variants;

  @Option(
      names = "--shots",
      paramLabel = "NAMES",
      converter = NamesConverter.class,
      description = "The style guide's shots to make, e.g. hero,profile (default: all).")
  private Names shots = Names.NONE;

  /** How products are routed to providers; {@code auto} is the one way there is. */
  enum Routing {
    AUTO
  }

  @Option(
      names = "--routing",
      paramLabel = "auto",
      description = "Start each product category with the provider the provider report favours.")
  private Routing routing;

  @Option(
      names = "--bakeoff",
      paramLabel = "NAMES",
      converter = NamesConverter.class,
      description =
          "Make every shot with each provider or provider:model listed"
              + " (flux:flux-pro-1.1, openai:gpt-image-2), judge them with the same QA checks and"
              + " print the provider report.")
  private Names bakeoff = Names.NONE;

  @Option(
      names = "--sample",
      paramLabel = "N",
      converter = CountConverter.class,
      description =
          "With --bakeoff: shoot only N products, spread over the catalog's categories,"
              + " as the catalog <id>-sample.")
  private int sample;

  @Option(
      names = "--budget",
      paramLabel = "USD",
      converter = UsdConverter.class,
      description =
          "Cap the catalog: no paid product starts once its shoot could take the catalog"
              + " past USD (free studio products are never held); the run says so and waits, and"
              + " `budget <id> USD` raises it.")
  private Double budget;

  @Option(
      names = "--dry-run",
      description =
          "Check every row and photo and print the plan instead: images per provider,"
              + " their estimated cost and wall time; start nothing.")
  private boolean dryRun;

  @Option(
      names = {"-y", "--yes"},
      description =
          "Start without asking. A run estimated above facet.run.confirm-above-usd ($10)"
              + " asks first on a terminal, and needs --yes elsewhere.")
  private boolean yes;

  @Unmatched private final List<String> springProperties = new ArrayList<>();

  RunCommand(Launcher launcher, PrintStream err) {
    this.launcher = launcher;
    this.err = err;
  }

  /** Reads the catalog first, so a broken file fails before anything starts. */
  @Override
  public Integer call() {
    RunOptions options = options();
    List<String> properties = SpringProperties.of(springProperties, spec);
    CatalogFile file;
    try {
      file = CatalogFile.read(options.catalog(), options.catalogId(), options.approval());
      if (options.sample() > 0) {
        file = file.sample(options.sample());
      }
    } catch (ManifestException | UncheckedIOException | UsageException e) {
      err.println(e.getMessage());
      return spec.exitCodeOnInvalidInput();
    }
    return launcher.run(file, options, properties);
  }

  /**
   * @throws ParameterException for choices that do not go together
   */
  RunOptions options() {
    ChoiceParser parser =
        new ChoiceParser(
            name -> "--" + name, message -> new ParameterException(spec.commandLine(), message));
    ShootChoices choices =
        parser.choices(
            Optional.ofNullable(approval).or(() -> Optional.ofNullable(policy)),
            channels.list(),
            providers.list(),
            Optional.ofNullable(variants),
            shots.list(),
            routing == Routing.AUTO,
            bakeoff.list());
    if (sample > 0 && !choices.bakeoff()) {
      throw new ParameterException(
          spec.commandLine(),
          "--sample chooses the products of a bake-off; give the providers with --bakeoff.");
    }
    return new RunOptions(
        catalog,
        out,
        Optional.ofNullable(id),
        choices,
        sample,
        dryRun,
        yes,
        Optional.ofNullable(budget));
  }
}
