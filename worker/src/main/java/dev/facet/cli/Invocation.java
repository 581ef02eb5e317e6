package dev.facet.cli;

import dev.facet.policy.ChoiceParser;
import dev.facet.policy.ShootChoices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line: the command, the options of {@code run}, and Spring properties given as
 * {@code --name=value}.
 */
public record Invocation(Command command, Optional<RunOptions> run, List<String> springArgs) {

  public enum Command {
    RUN,
    SERVE,
    WORKER,
    HELP
  }

  /** Commands handled before any parsing: their flags are their own. */
  public static final String QA = "qa", FINISH = "finish", KEY = "key", BUDGET = "budget";

  public static final String USAGE =
      """
      Facet turns a jewelry seller's reference photos into marketplace-ready product images.

      Usage: java -jar facet.jar <command> [options] [--spring.property=value ...]

      Commands:
        run <catalog.csv|catalog.json> [--out DIR] [--id ID] [--approval auto|manual]
            [--channels amazon,etsy,…] [--providers flux,openai,studio] [--variants N]
            [--shots hero,profile] [--routing auto] [--bakeoff studio,openai,flux [--sample N]]
            [--budget USD] [--dry-run | --yes]
                  Shoot every product of the catalog as one Catalog workflow on the embedded
                  stack, show its progress, and copy the finished images and the report to
                  DIR (default: facet-out), with a contact sheet, DIR/index.html. --approval (or --policy) overrides the catalog's
                  approval policy (default: auto); --id its id (default: the JSON "id", else
                  the file name). --channels names the channel presets to finish for, aliases
                  included (default: amazon-main,master); --providers the generator chain,
                  first choice first, each a provider or provider:model (default: studio);
                  --variants the candidates per shot, 1-10 (default: 4); --shots the style
                  guide's shots to make (default: all); --routing auto starts each product
                  category with the provider the provider report favours. A catalog row's own
                  channels, providers and variants columns override these for that product.
                  An unknown name, in an option or a row, is refused, with the valid ones,
                  before anything is uploaded or started.
                  --dry-run checks every row and photo and prints the plan instead: images
                  per provider, their estimated cost and wall time; it starts nothing.
                  A run estimated above facet.run.confirm-above-usd ($10) asks first on a
                  terminal, and needs --yes (-y) elsewhere. --budget caps the catalog: no
                  paid product starts once its shoot could take the catalog past USD (free
                  studio products are never held); the run says so and waits, and
                  `budget <id> USD` raises it.
                  Running a catalog that is still running follows it; one that has finished
                  shows its results. --bakeoff makes every shot with each listed provider,
                  or provider:model (flux:flux-pro-1.1, openai:gpt-image-2), judges them
                  with the same QA checks and prints the provider report;
                  --sample N shoots only N products, spread over the catalog's categories,
                  as the catalog <id>-sample.
        budget <catalog-id> <usd> [--api http://localhost:8080] [--key KEY]
                  Raise the budget of a running catalog started with --budget (or the API's
                  budgetUsd) through its HTTP API; products held at the old cap start. The
                  key is --key, else FACET_API_KEY, else data/admin.key.
        serve     Run the HTTP API (/api/...) and the worker until stopped.
        worker    Run the worker only, without a web server.
        qa --reference <photo>... --candidate <image> [--channel amazon-main]
           [--presets presets.json] [--json]
                  Run Facet's automated QA on any JPEG, PNG or WebP against the product's
                  reference photos: every check with its value, threshold and verdict. The
                  channel may be an alias (amazon, google). Exit
                  code 0 passed, 1 a blocking check failed, 2 unusable input.
        finish [--channel amazon-main]... [--out DIR] [--presets presets.json] <photo>...
                  Finish your own photos for channels without a shoot: the same cut-out,
                  clean-up, staging, resizing, sharpening, encoding and metadata as a
                  shoot's post-processing, into DIR (default: facet-out/finished) as
                  <photo>-<channel>.<ext>. --channel may repeat or list several
                  (amazon,etsy). A photo that cannot be used is reported and the others
                  are still finished. Exit code 0 all finished, 1 some not, 2 bad arguments.
        key --name <who> --role operator|reviewer|admin
                  Make an API key and print it once, with the facet.security.keys entry
                  (its SHA-256) that lets it in.
        help      Show this text.

      Any --name=value is a Spring property, for example:
        --server.port=9090  --facet.data=/var/lib/facet
        --facet.temporal.mode=external --facet.temporal.address=temporal.example.com:7233
      """;

  /** The environment variable that names a container's role when it is given no command. */
  public static final String ROLE_VARIABLE = "FACET_ROLE";

  /**
   * The command line of a role, for the container image: {@code api} (the HTTP API alone), {@code
   * worker} (the worker, with a web server for the health probes and metrics only reachable inside
   * the pod's network) or {@code both}. Explicit arguments win; without a role they stay as given.
   *
   * @throws UsageException for an unknown role
   */
  public static String[] withRole(String[] args, String role) {
    if (args.length > 0 || role == null || role.isBlank()) {
      return args;
    }
    return switch (role.strip()) {
      case "api" -> new String[] {"serve", "--facet.worker.enabled=false"};
      case "worker" -> new String[] {"worker", "--spring.main.web-application-type=servlet"};
      case "both" -> new String[] {"serve"};
      default ->
          throw new UsageException(
              "Unknown " + ROLE_VARIABLE + " '" + role + "': api, worker or both.");
    };
  }

  /**
   * @throws UsageException naming what is wrong
   */
  public static Invocation parse(String... args) {
    if (args.length == 0) {
      throw new UsageException("Missing command.");
    }
    List<String> rest = List.of(args).subList(1, args.length);
    if (rest.contains("--help") || rest.contains("-h")) {
      return new Invocation(Command.HELP, Optional.empty(), List.of());
    }
    return switch (args[0]) {
      case "run" -> parseRun(rest);
      case "serve" -> new Invocation(Command.SERVE, Optional.empty(), springArgs(rest));
      case "worker" -> new Invocation(Command.WORKER, Optional.empty(), springArgs(rest));
      case "help", "--help", "-h" -> new Invocation(Command.HELP, Optional.empty(), List.of());
      default -> throw new UsageException("Unknown command '" + args[0] + "'.");
    };
  }

  /** Options of {@code run} that take a value, as {@code --name value} or {@code --name=value}. */
  private static final Set<String> RUN_OPTIONS =
      Set.of("--out", "--id", "--policy", "--approval", "--channels", "--providers", "--variants",
          "--shots", "--routing", "--bakeoff", "--sample", "--budget");

  private static final String DRY_RUN = "--dry-run", YES = "--yes";

  private static Invocation parseRun(List<String> args) {
    Path catalog = null;
    Map<String, String> values = new HashMap<>();
    boolean dryRun = false;
    boolean yes = false;
    List<String> spring = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (RUN_OPTIONS.contains(option)) {
        values.put(option, value(args, i, option));
        i += arg.contains("=") ? 0 : 1;
      } else if (arg.equals(DRY_RUN)) {
        dryRun = true;
      } else if (arg.equals(YES) || arg.equals("-y")) {
        yes = true;
      } else if (arg.startsWith("--") && arg.contains("=")) {
        spring.add(arg);
      } else if (!arg.startsWith("-") && catalog == null) {
        catalog = Path.of(arg);
      } else {
        throw new UsageException("Unexpected argument '" + arg + "' for run.");
      }
    }
    if (catalog == null) {
      throw new UsageException("run needs a catalog file, e.g. run examples/catalog.csv");
    }
    // --policy is --approval's older name; a message names the one that was typed.
    String approval = values.containsKey("--approval") ? "approval" : "policy";
    ChoiceParser parser =
        new ChoiceParser(
            name -> "--" + (name.equals("approval") ? approval : name), UsageException::new);
    ShootChoices choices =
        parser
            .parse(
                new ChoiceParser.Typed(
                    values.get("--" + approval),
                    values.get("--channels"),
                    values.get("--providers"),
                    values.get("--variants"),
                    values.get("--shots"),
                    values.get("--routing"),
                    values.get("--bakeoff")));
    int sample = values.containsKey("--sample") ? sampleSize(values.get("--sample")) : 0;
    if (sample > 0 && !choices.bakeoff()) {
      throw new UsageException(
          "--sample chooses the products of a bake-off; give the providers with --bakeoff.");
    }
    RunOptions options =
        new RunOptions(
            catalog,
            Optional.ofNullable(values.get("--out")).map(Path::of).orElse(RunOptions.DEFAULT_OUT),
            Optional.ofNullable(values.get("--id")),
            choices,
            sample,
            dryRun,
            yes,
            parser.budgetUsd(values.get("--budget")));
    return new Invocation(Command.RUN, Optional.of(options), spring);
  }

  private static int sampleSize(String value) {
    try {
      int size = Integer.parseInt(value);
      if (size > 0) {
        return size;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new UsageException("--sample needs a number of products above 0, not '" + value + "'.");
  }

  private static String value(List<String> args, int index, String option) {
    String arg = args.get(index);
    if (arg.startsWith(option + "=")) {
      return arg.substring(option.length() + 1);
    }
    if (index + 1 >= args.size() || args.get(index + 1).startsWith("--")) {
      throw new UsageException(option + " needs a value.");
    }
    return args.get(index + 1);
  }

  private static List<String> springArgs(List<String> args) {
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new UsageException("Unexpected argument '" + arg + "'; properties are --name=value.");
      }
    }
    return List.copyOf(args);
  }
}
