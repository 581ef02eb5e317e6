package dev.facet.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code facet budget}'s command line; {@code CatalogApiTest} raises a budget through it. */
class BudgetCommandTest {

  @TempDir Path data;

  private final CommandLines facet = new CommandLines();

  @Test
  void takesTheCatalogAndTheNewBudgetAndWhereTheApiIs() {
    int exit = budget("summer", "$50", "--api", "http://127.0.0.1:1", "--key", "k");

    assertThat(exit)
        .as("read, then refused by an API that is not there")
        .isEqualTo(BudgetCommand.REFUSED);
    assertThat(facet.err()).contains("Cannot reach Facet's API at http://127.0.0.1:1");
  }

  @Test
  void aCommandLineItCannotReadIsAUsageErrorSayingWhatItTakes() {
    assertThat(budget("summer")).isEqualTo(BudgetCommand.USAGE_ERROR);
    assertThat(budget("summer", "lots")).isEqualTo(BudgetCommand.USAGE_ERROR);
    assertThat(budget("summer", "-3")).isEqualTo(BudgetCommand.USAGE_ERROR);
    assertThat(budget("summer", "50", "--force")).isEqualTo(BudgetCommand.USAGE_ERROR);
    assertThat(facet.err())
        .contains("Missing required parameter: 'USD'")
        .contains(
            "the budget caps what the catalog's paid generations may cost: a budget is"
                + " a number of US dollars of at least 0, e.g. 50 or 12.50; not 'lots'.")
        .contains("not '-3'")
        .contains("Unknown option: '--force'")
        .contains("Usage: facet budget [-h] [--api=URL] [--key=<key>] CATALOG-ID USD");
  }

  @Test
  void withoutAKeyItSaysWhereItLooked() {
    assertThat(budget("summer", "50")).isEqualTo(BudgetCommand.USAGE_ERROR);
    assertThat(facet.err())
        .contains(
            "No API key: give --key, set FACET_API_KEY, or run where " + data.resolve("admin.key"));
  }

  @Test
  void anApiThatDoesNotAnswerIsNamed() throws Exception {
    Files.writeString(data.resolve("admin.key"), "local-key\n");

    int exit = budget("summer", "50", "--api", "http://127.0.0.1:1");

    assertThat(exit).isEqualTo(BudgetCommand.REFUSED);
    assertThat(facet.err())
        .contains(
            "Cannot reach Facet's API at http://127.0.0.1:1: is `./facet run` or"
                + " `./facet serve` running?");
  }

  /** {@code facet budget …} with FACET_DATA at this test's folder and no FACET_API_KEY. */
  private int budget(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "budget";
    System.arraycopy(args, 0, command, 1, args.length);
    return facet.commandLine(Map.of("FACET_DATA", data.toString())).execute(command);
  }
}
