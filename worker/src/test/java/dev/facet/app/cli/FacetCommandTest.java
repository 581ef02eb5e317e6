package dev.facet.app.cli;

import static dev.facet.app.cli.CommandLines.runOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.app.policy.ShootChoices;
import dev.facet.app.run.RunOptions;
import dev.facet.shoot.ShootPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class FacetCommandTest {

  private final CommandLines facet = new CommandLines();

  /** The example catalog, so that run reads a real file before it starts anything. */
  private static final String CATALOG = repository().resolve("examples/catalog.csv").toString();

  @Test
  void runTakesACatalogItsOptionsInEitherFormAndSpringProperties() {
    int exit =
        facet.execute(
            "run",
            "--policy",
            "manual",
            CATALOG,
            "--out=/tmp/out",
            "--id",
            "summer-24",
            "--server.port=0");

    assertThat(exit).as(facet.err()).isZero();
    assertThat(facet.started).isEqualTo("run");
    assertThat(facet.runOptions)
        .isEqualTo(
            new RunOptions(
                Path.of(CATALOG),
                Path.of("/tmp/out"),
                Optional.of(ShootPolicy.Approval.MANUAL),
                Optional.of("summer-24")));
    assertThat(facet.springProperties).containsExactly("--server.port=0");
  }

  @Test
  void runDefaultsToFacetOutAndTheCatalogsPolicy() {
    RunOptions options = runOptions("run", "c.json");

    assertThat(options.out()).isEqualTo(Path.of("facet-out"));
    assertThat(options.approval()).isEmpty();
    assertThat(options.catalogId()).isEmpty();
  }

  @Test
  void runTakesTheProvidersOfABakeoff() {
    RunOptions options = runOptions("run", "c.csv", "--bakeoff", "studio, flux");
    assertThat(options.bakeoff()).isTrue();
    assertThat(options.choices().providers()).containsExactly("studio", "flux");
    assertThat(runOptions("run", "c.csv", "--bakeoff=openai").choices().providers())
        .containsExactly("openai");
    assertThat(runOptions("run", "c.csv").bakeoff()).isFalse();
  }

  @Test
  void runTakesWhatTheSellerChoosesAboutEveryShoot() {
    ShootChoices choices =
        runOptions(
                "run",
                "c.csv",
                "--channels",
                "etsy, amazon",
                "--providers=flux,openai:gpt-image-2,studio",
                "--variants",
                "2",
                "--shots",
                "hero",
                "--approval",
                "manual",
                "--routing",
                "auto")
            .choices();

    assertThat(choices.channels()).containsExactly("etsy", "amazon");
    assertThat(choices.providers()).containsExactly("flux", "openai:gpt-image-2", "studio");
    assertThat(choices.variants()).contains(2);
    assertThat(choices.shots()).containsExactly("hero");
    assertThat(choices.approval()).contains(ShootPolicy.Approval.MANUAL);
    assertThat(choices.routingAuto()).isTrue();
    assertThat(choices.bakeoff()).isFalse();
  }

  @Test
  void dryRunAndYesAreFlags() {
    RunOptions options = runOptions("run", "c.csv", "--dry-run");
    assertThat(options.dryRun()).isTrue();
    assertThat(options.yes()).isFalse();
    assertThat(runOptions("run", "c.csv", "--yes").yes()).isTrue();
    assertThat(runOptions("run", "c.csv", "-y").yes()).isTrue();
    assertThat(runOptions("run", "c.csv").dryRun()).isFalse();
  }

  @Test
  void runTakesTheCatalogsBudgetInUsDollars() {
    assertThat(runOptions("run", "c.csv", "--budget", "50").budgetUsd()).contains(50.0);
    assertThat(runOptions("run", "c.csv", "--budget=$12.50").budgetUsd()).contains(12.5);
    assertThat(runOptions("run", "c.csv", "--budget", "0").budgetUsd())
        .as("only free products")
        .contains(0.0);
    assertThat(runOptions("run", "c.csv").budgetUsd()).isEmpty();
    for (String bad : List.of("fifty", "-5", "NaN", "Infinity")) {
      assertThatThrownBy(() -> runOptions("run", "c.csv", "--budget", bad))
          .isInstanceOf(ParameterException.class)
          .hasMessage(
              "Invalid value for option '--budget': the budget caps what the"
                  + " catalog's paid generations may cost: a budget is a number of US dollars of at"
                  + " least 0, e.g. 50 or 12.50; not '"
                  + bad
                  + "'.");
    }
    assertThatThrownBy(() -> runOptions("run", "c.csv", "--budget"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("'--budget'");
  }

  @Test
  void policyIsApprovalsOlderName() {
    assertThat(runOptions("run", "c.csv", "--policy=auto").approval())
        .contains(ShootPolicy.Approval.AUTO);
    assertThatThrownBy(() -> runOptions("run", "c.csv", "--policy", "sometimes"))
        .hasMessage(
            "Invalid value for option '--policy': approval is auto or manual,"
                + " not 'sometimes'.");
    assertThatThrownBy(() -> runOptions("run", "c.csv", "--approval", "sometimes"))
        .hasMessageStartingWith("Invalid value for option '--approval'");
  }

  @Test
  void refusesAChoiceItCannotReadSayingWhatItTakes() {
    assertThatThrownBy(() -> runOptions("run", "c.csv", "--channels", " , "))
        .isInstanceOf(ParameterException.class)
        .hasMessage(
            "Invalid value for option '--channels': names separated by commas,"
                + " e.g. etsy,amazon; ' , ' names none.");
    assertThatThrownBy(() -> runOptions("run", "c.csv", "--providers", ","))
        .hasMessageStartingWith("Invalid value for option '--providers'");
    for (String variants : List.of("0", "11", "two")) {
      assertThatThrownBy(() -> runOptions("run", "c.csv", "--variants", variants))
          .hasMessage(
              "Invalid value for option '--variants': variants is a number of"
                  + " candidates per shot from 1 to 10, not '"
                  + variants
                  + "'.");
    }
    assertThatThrownBy(() -> runOptions("run", "c.csv", "--routing", "fastest"))
        .hasMessageContaining("'fastest'")
        .hasMessageContaining("AUTO");
    assertThatThrownBy(
            () -> runOptions("run", "c.csv", "--bakeoff", "flux,studio", "--providers", "flux"))
        .hasMessage("--bakeoff names the providers of a bake-off; leave out --providers.");
    assertThatThrownBy(() -> runOptions("run", "c.csv", "--channels"))
        .hasMessageContaining("'--channels'");
  }

  @Test
  void aBakeoffSampleNeedsABakeoffAndAPositiveSize() {
    assertThat(runOptions("run", "c.csv", "--bakeoff", "studio,flux", "--sample", "12").sample())
        .isEqualTo(12);
    assertThat(runOptions("run", "c.csv").sample()).isZero();
    assertThatThrownBy(() -> runOptions("run", "c.csv", "--sample", "3"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("--bakeoff");
    assertThatThrownBy(() -> runOptions("run", "c.csv", "--bakeoff=flux", "--sample=none"))
        .isInstanceOf(ParameterException.class)
        .hasMessage(
            "Invalid value for option '--sample': a number of products above 0, not 'none'.");
  }

  @Test
  void serveAndWorkerPassPropertiesToSpring() {
    assertThat(facet.execute("serve", "--facet.data=/srv")).isZero();
    assertThat(facet.started).isEqualTo("serve");
    assertThat(facet.springProperties).containsExactly("--facet.data=/srv");

    assertThat(new CommandLines().execute("worker")).isZero();
  }

  @Test
  void helpIsGeneratedFromTheCommandsAndTheirOptions() {
    assertThat(facet.execute("help")).isZero();
    assertThat(facet.out())
        .startsWith("Usage: facet [-h] COMMAND")
        .contains("Commands:")
        .containsPattern("(?m)^  run +Shoot every product")
        .containsPattern("(?m)^  budget +Raise the budget")
        .contains("qa", "finish", "key", "serve", "worker");

    CommandLines run = new CommandLines();
    assertThat(run.execute("run", "--help")).isZero();
    assertThat(run.out())
        .startsWith("Usage: facet run ")
        .contains("CATALOG", "--channels=NAMES", "--budget=USD", "--dry-run", "-y, --yes")
        .contains("(default: facet-out)")
        .contains("Any --name=value is a Spring property");
    assertThat(run.started).as("help starts nothing").isNull();

    CommandLines key = new CommandLines();
    assertThat(key.execute("help", "key")).isZero();
    assertThat(key.out()).contains("--role=ROLE", "OPERATOR, REVIEWER, ADMIN");
  }

  @Test
  void aBadOptionIsAUsageErrorThatSaysWhatAndShowsTheUsage() {
    assertThat(facet.execute("run", CATALOG, "--variants", "two")).isEqualTo(2);
    assertThat(facet.err())
        .startsWith(
            "Invalid value for option '--variants': variants is a number of candidates"
                + " per shot from 1 to 10, not 'two'.")
        .contains("Usage: facet run ");
    assertThat(facet.started).as("nothing starts").isNull();
  }

  @Test
  void explainsWhatItDoesNotUnderstand() {
    assertThat(facet.execute()).isEqualTo(2);
    assertThat(facet.err()).startsWith("Missing command.").contains("Usage: facet");

    CommandLines unknown = new CommandLines();
    assertThat(unknown.execute("shoot")).isEqualTo(2);
    assertThat(unknown.err()).contains("'shoot'");

    CommandLines noCatalog = new CommandLines();
    assertThat(noCatalog.execute("run")).isEqualTo(2);
    assertThat(noCatalog.err()).contains("Missing required parameter: 'CATALOG'");

    CommandLines noOut = new CommandLines();
    assertThat(noOut.execute("run", CATALOG, "--out")).isEqualTo(2);
    assertThat(noOut.err()).contains("'--out'");

    CommandLines serve = new CommandLines();
    assertThat(serve.execute("serve", "8080")).isEqualTo(2);
    assertThat(serve.err())
        .contains("Unexpected argument '8080' for serve; Spring properties are --name=value.");
    assertThat(serve.started).isNull();
  }

  @Test
  void aCatalogThatCannotBeReadStopsTheRunBeforeAnythingStarts() {
    assertThat(facet.execute("run", "no-such-catalog.csv")).isEqualTo(2);
    assertThat(facet.err()).contains("no-such-catalog.csv");
    assertThat(facet.started).isNull();
  }

  @Test
  void aContainerRoleBecomesTheCommandLineUnlessArgumentsAreGiven() {
    assertThat(ContainerRole.commandLine(new String[0], "api"))
        .containsExactly("serve", "--facet.worker.enabled=false");
    assertThat(ContainerRole.commandLine(new String[0], "worker"))
        .containsExactly("worker", "--spring.main.web-application-type=servlet");
    assertThat(ContainerRole.commandLine(new String[0], " both ")).containsExactly("serve");
    assertThat(ContainerRole.commandLine(new String[] {"help"}, "api")).containsExactly("help");
    assertThat(ContainerRole.commandLine(new String[0], null)).isEmpty();
    assertThatThrownBy(() -> ContainerRole.commandLine(new String[0], "db"))
        .hasMessage("Unknown FACET_ROLE 'db': api, worker or both.");
  }

  private static Path repository() {
    Path here = Path.of("").toAbsolutePath();
    return here.getFileName().toString().equals("worker") ? here.getParent() : here;
  }
}
