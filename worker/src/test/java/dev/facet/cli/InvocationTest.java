package dev.facet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    assertThat(options.bakeoff()).containsExactly("studio", "flux");
    assertThat(Invocation.parse("run", "c.csv", "--bakeoff=openai").run().orElseThrow().bakeoff())
        .containsExactly("openai");
    assertThat(Invocation.parse("run", "c.csv").run().orElseThrow().bakeoff()).isEmpty();
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
