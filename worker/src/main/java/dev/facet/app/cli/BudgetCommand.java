package dev.facet.app.cli;

import dev.facet.app.cli.Converters.UsdConverter;
import dev.facet.app.security.LocalAdminKey;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code facet budget <catalog-id> <usd>}: raises a running catalog's budget through the HTTP API
 * ({@code POST /api/catalogs/{id}/budget}), as an operator would with curl, so the roles and the
 * catalog's own refusals are the API's. It starts no Spring and no Temporal.
 */
@Command(
    name = "budget",
    description =
        "Raise the budget of a running catalog started with --budget (or the API's"
            + " budgetUsd) through its HTTP API; products held at the old cap start.")
public final class BudgetCommand implements Callable<Integer> {

  static final int RAISED = 0, REFUSED = 1, USAGE_ERROR = 2;

  // Outside Spring (a client of the API, like curl): Jackson's own default mapper, which only reads
  // the answers as trees.
  private static final JsonMapper JSON = JsonMapper.shared();

  private final PrintStream out;
  private final PrintStream err;
  private final Function<String, String> environment;
  private final Path data;

  @Parameters(index = "0", paramLabel = "CATALOG-ID", description = "The running catalog's id.")
  private String catalogId;

  @Parameters(
      index = "1",
      paramLabel = "USD",
      converter = UsdConverter.class,
      description = "The new budget in US dollars, e.g. 50.")
  private double usd;

  @Option(
      names = "--api",
      paramLabel = "URL",
      description = "Facet's API (default: ${DEFAULT-VALUE}).")
  private String api = "http://localhost:8080";

  @Option(
      names = "--key",
      description =
          "An operator's API key (default: FACET_API_KEY, else"
              + " the local Facet's admin key, data/admin.key).")
  private String key;

  /**
   * @param environment the process's environment variables ({@code FACET_API_KEY})
   * @param data Facet's data folder, where a local Facet keeps its admin key
   */
  public BudgetCommand(
      PrintStream out, PrintStream err, Function<String, String> environment, Path data) {
    this.out = out;
    this.err = err;
    this.environment = environment;
    this.data = data;
  }

  /**
   * @return 0 raised, 1 refused or unreachable, 2 without a key
   */
  @Override
  public Integer call() {
    Optional<String> found = Optional.ofNullable(key).or(this::keyFromEnvironment);
    if (found.isEmpty()) {
      err.println(
          "No API key: give --key, set FACET_API_KEY, or run where "
              + data.resolve(LocalAdminKey.FILE)
              + " is (a local Facet's admin key).");
      return USAGE_ERROR;
    }
    return raise(found.get());
  }

  private int raise(String key) {
    URI uri = URI.create(api.replaceAll("/+$", "") + "/api/catalogs/" + catalogId + "/budget");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"budgetUsd\": " + usd + "}", StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      // Java 17's client is not AutoCloseable; its threads end with this short-lived process.
      response =
          HttpClient.newHttpClient()
              .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      err.println(
          "Cannot reach Facet's API at "
              + api
              + ": is `./facet run` or"
              + " `./facet serve` running? Give another address with --api.");
      return REFUSED;
    } catch (IOException e) {
      err.println("Facet's API at " + api + " did not answer: " + e.getMessage());
      return REFUSED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return REFUSED;
    }
    JsonNode body = json(response.body());
    if (response.statusCode() != 200) {
      err.println(
          "Not raised ("
              + response.statusCode()
              + "): "
              + (body.hasNonNull("detail") ? body.get("detail").asString() : response.body()));
      return REFUSED;
    }
    JsonNode budget = body.path("budget");
    out.printf(
        Locale.ROOT,
        "Catalog '%s': budget raised to $%.2f ($%.2f spent or reserved); %s%n",
        catalogId,
        budget.path("capUsd").asDouble(),
        budget.path("spentUsd").asDouble() + budget.path("reservedUsd").asDouble(),
        budget.path("held").asInt() == 0
            ? "no product is held."
            : budget.path("held").asInt() + " held at the old cap start as far as it leaves room.");
    return RAISED;
  }

  private Optional<String> keyFromEnvironment() {
    String variable = environment.apply("FACET_API_KEY");
    if (variable != null && !variable.isBlank()) {
      return Optional.of(variable.strip());
    }
    Path file = data.resolve(LocalAdminKey.FILE);
    try {
      return Files.isReadable(file)
          ? Optional.of(Files.readString(file).strip())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text == null || text.isBlank() ? "{}" : text);
    } catch (JacksonException e) {
      return JSON.createObjectNode();
    }
  }
}
