package dev.facet.app.cli;

import dev.facet.app.run.RunOptions;
import dev.facet.app.run.UsageException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.app.policy.ShootChoices;
import dev.facet.shoot.ShootPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvocationTest {

  @Test
  void runTakesACatalogItsOptionsInEitherFormAndSpringProperties() {
    Invocation invocation =
        Invocation.parse(
            "run",
            "--policy",
            "manual",
            "examples/catalog.csv",
            "--out=/tmp/out",
            "--id",
            "summer-24",
            "--server.port=0");

    assertThat(invocation.command()).isEqualTo(Invocation.Command.RUN);
    assertThat(invocation.run())
        .contains(
            new RunOptions(
                Path.of("examples/catalog.csv"),
                Path.of("/tmp/out"),
                Optional.of(ShootPolicy.Approval.MANUAL),
                Optional.of("summer-24")));
    assertThat(invocation.springArgs()).containsExactly("--server.port=0");
  }

  @Test
  void runDefaultsToFacetOutAndTheCatalogsPolicy() {
    RunOptions options = Invocation.parse("run", "c.json").run().orElseThrow();

    assertThat(options.out()).isEqualTo(Path.of("facet-out"));
    assertThat(options.approval()).isEmpty();
    assertThat(options.catalogId()).isEmpty();
  }

  @Test
  void runTakesTheProvidersOfABakeoff() {
    RunOptions options = Invocation.parse("run", "c.csv", "--bakeoff", "studio, flux").run().orElseThrow();
    assertThat(options.bakeoff()).isTrue();
    assertThat(options.choices().providers()).containsExactly("studio", "flux");
    assertThat(Invocation.parse("run", "c.csv", "--bakeoff=openai").run().orElseThrow().choices().providers())
        .containsExactly("openai");
    assertThat(Invocation.parse("run", "c.csv").run().orElseThrow().bakeoff()).isFalse();
  }

  @Test
  void runTakesWhatTheSellerChoosesAboutEveryShoot() {
    ShootChoices choices =
        Invocation.parse(
                "run", "c.csv", "--channels", "etsy, amazon", "--providers=flux,openai:gpt-image-2,studio",
                "--variants", "2", "--shots", "hero", "--approval", "manual", "--routing", "auto")
            .run()
            .orElseThrow()
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
    RunOptions options = Invocation.parse("run", "c.csv", "--dry-run").run().orElseThrow();
    assertThat(options.dryRun()).isTrue();
    assertThat(options.yes()).isFalse();
    assertThat(Invocation.parse("run", "c.csv", "--yes").run().orElseThrow().yes()).isTrue();
    assertThat(Invocation.parse("run", "c.csv", "-y").run().orElseThrow().yes()).isTrue();
    assertThat(Invocation.parse("run", "c.csv").run().orElseThrow().dryRun()).isFalse();
  }

  @Test
  void runTakesTheCatalogsBudgetInUsDollars() {
    assertThat(Invocation.parse("run", "c.csv", "--budget", "50").run().orElseThrow().budgetUsd())
        .contains(50.0);
    assertThat(Invocation.parse("run", "c.csv", "--budget=$12.50").run().orElseThrow().budgetUsd())
        .contains(12.5);
    assertThat(Invocation.parse("run", "c.csv", "--budget", "0").run().orElseThrow().budgetUsd())
        .as("only free products").contains(0.0);
    assertThat(Invocation.parse("run", "c.csv").run().orElseThrow().budgetUsd()).isEmpty();
    for (String bad : List.of("fifty", "-5", "NaN", "Infinity")) {
      assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--budget", bad))
          .isInstanceOf(UsageException.class)
          .hasMessage("--budget caps what the catalog's paid generations may cost: a budget is a"
              + " number of US dollars of at least 0, e.g. 50 or 12.50; not '" + bad + "'.");
    }
    assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--budget"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--budget needs a value.");
  }

  @Test
  void policyIsApprovalsOlderName() {
    assertThat(Invocation.parse("run", "c.csv", "--policy=auto").run().orElseThrow().approval())
        .contains(ShootPolicy.Approval.AUTO);
    assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--policy", "sometimes"))
        .hasMessage("--policy is auto or manual, not 'sometimes'.");
    assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--approval", "sometimes"))
        .hasMessage("--approval is auto or manual, not 'sometimes'.");
  }

  @Test
  void refusesAChoiceItCannotReadSayingWhatItTakes() {
    assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--channels", " , "))
        .isInstanceOf(UsageException.class)
        .hasMessage("--channels lists channels separated by commas, e.g. etsy,amazon; ' , ' names none.");
    assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--providers", ","))
        .hasMessageStartingWith("--providers lists generators separated by commas");
    for (String variants : List.of("0", "11", "two")) {
      assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--variants", variants))
          .hasMessage("--variants is a number of candidates per shot from 1 to 10, not '" + variants + "'.");
    }
    assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--routing", "fastest"))
        .hasMessageStartingWith("--routing is 'auto'");
    assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--bakeoff", "flux,studio", "--providers", "flux"))
        .hasMessage("--bakeoff names the providers of a bake-off; leave out --providers.");
    assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--channels"))
        .hasMessage("--channels needs a value.");
  }

  @Test
  void aBakeoffSampleNeedsABakeoffAndAPositiveSize() {
    assertThat(Invocation.parse("run", "c.csv", "--bakeoff", "studio,flux", "--sample", "12")
            .run().orElseThrow().sample())
        .isEqualTo(12);
    assertThat(Invocation.parse("run", "c.csv").run().orElseThrow().sample()).isZero();
    assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--sample", "3"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--bakeoff");
    assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--bakeoff=flux", "--sample=none"))
        .isInstanceOf(UsageException.class)
        .hasMessage("--sample needs a number of products above 0, not 'none'.");
  }

  @Test
  void serveAndWorkerPassPropertiesToSpring() {
    assertThat(Invocation.parse("serve", "--facet.data=/srv").springArgs())
        .isEqualTo(List.of("--facet.data=/srv"));
    assertThat(Invocation.parse("worker").command()).isEqualTo(Invocation.Command.WORKER);
    assertThat(Invocation.parse("serve", "--help").command()).isEqualTo(Invocation.Command.HELP);
  }

  @Test
  void explainsWhatItDoesNotUnderstand() {
    assertThatThrownBy(Invocation::parse).hasMessage("Missing command.");
    assertThatThrownBy(() -> Invocation.parse("shoot")).hasMessage("Unknown command 'shoot'.");
    assertThatThrownBy(() -> Invocation.parse("run"))
        .hasMessageContaining("run needs a catalog file");
    assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--policy", "sometimes"))
        .hasMessage("--policy is auto or manual, not 'sometimes'.");
    assertThatThrownBy(() -> Invocation.parse("run", "c.csv", "--out"))
        .hasMessage("--out needs a value.");
    assertThatThrownBy(() -> Invocation.parse("serve", "8080"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("'8080'");
  }

  @Test
  void aContainerRoleBecomesTheCommandLineUnlessArgumentsAreGiven() {
    assertThat(Invocation.withRole(new String[0], "api"))
        .containsExactly("serve", "--facet.worker.enabled=false");
    assertThat(Invocation.withRole(new String[0], "worker"))
        .containsExactly("worker", "--spring.main.web-application-type=servlet");
    assertThat(Invocation.withRole(new String[0], " both ")).containsExactly("serve");
    assertThat(Invocation.withRole(new String[] {"help"}, "api")).containsExactly("help");
    assertThat(Invocation.withRole(new String[0], null)).isEmpty();
    assertThatThrownBy(() -> Invocation.withRole(new String[0], "db"))
        .hasMessage("Unknown FACET_ROLE 'db': api, worker or both.");
  }
}
