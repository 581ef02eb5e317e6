package dev.facet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code facet budget}'s command line; {@code CatalogApiTest} raises a budget through it. */
class BudgetCommandTest {

  @TempDir Path data;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void takesTheCatalogAndTheNewBudgetAndWhereTheApiIs() {
    BudgetCommand.Arguments arguments =
        BudgetCommand.Arguments.parse("summer", "$50", "--api", "http://facet:9090", "--key", "k");

    assertThat(arguments.catalogId()).isEqualTo("summer");
    assertThat(arguments.usd()).isEqualTo(50.0);
    assertThat(arguments.api()).isEqualTo("http://facet:9090");
    assertThat(arguments.key()).contains("k");
    assertThat(BudgetCommand.Arguments.parse("summer", "12.5").api())
        .isEqualTo("http://localhost:8080");
  }

  @Test
  void aCommandLineItCannotReadIsAUsageErrorSayingWhatItTakes() {
    assertThat(command(Map.of()).run("summer")).isEqualTo(BudgetCommand.USAGE_ERROR);
    assertThat(command(Map.of()).run("summer", "lots")).isEqualTo(BudgetCommand.USAGE_ERROR);
    assertThat(command(Map.of()).run("summer", "-3")).isEqualTo(BudgetCommand.USAGE_ERROR);
    assertThat(command(Map.of()).run("summer", "50", "--force")).isEqualTo(BudgetCommand.USAGE_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("budget needs the catalog's id and the new budget in US dollars, e.g. budget"
            + " summer 50.")
        .contains("The new budget caps what the catalog's paid generations may cost: a budget is"
            + " a number of US dollars of at least 0, e.g. 50 or 12.50; not 'lots'.")
        .contains("not '-3'")
        .contains("Unexpected option '--force' for budget.")
        .contains(BudgetCommand.USAGE);
  }

  @Test
  void withoutAKeyItSaysWhereItLooked() {
    assertThat(command(Map.of()).run("summer", "50")).isEqualTo(BudgetCommand.USAGE_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("No API key: give --key, set FACET_API_KEY, or run where "
            + data.resolve("admin.key"));
  }

  @Test
  void anApiThatDoesNotAnswerIsNamed() throws Exception {
    Files.writeString(data.resolve("admin.key"), "local-key\n");

    int exit = command(Map.of()).run("summer", "50", "--api", "http://127.0.0.1:1");

    assertThat(exit).isEqualTo(BudgetCommand.REFUSED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Cannot reach Facet's API at http://127.0.0.1:1: is `./facet run` or"
            + " `./facet serve` running?");
  }

  private BudgetCommand command(Map<String, String> environment) {
    return new BudgetCommand(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        environment::get,
        data);
  }
}
