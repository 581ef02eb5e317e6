package dev.facet.app.cli;

import dev.facet.app.run.UsageException;
import dev.facet.app.policy.ChoiceParser;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code facet budget <catalog-id> <usd>}: raises a running catalog's budget through the HTTP API
 * ({@code POST /api/catalogs/{id}/budget}), as an operator would with curl, so the roles and the
 * catalog's own refusals are the API's.
 */
public final class BudgetCommand {

  public static final String USAGE =
      "Usage: facet budget <catalog-id> <usd> [--api http://localhost:8080] [--key KEY]";

  static final int RAISED = 0, REFUSED = 1, USAGE_ERROR = 2;

  private static final String DEFAULT_API = "http://localhost:8080";
  // Outside Spring (a client of the API, like curl): Jackson's own default mapper, which only reads
  // the answers as trees.
  private static final JsonMapper JSON = JsonMapper.shared();

  private final PrintStream out;
  private final PrintStream err;
  private final Function<String, String> environment;
  private final Path data;

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

  /** @return 0 raised, 1 refused or unreachable, 2 a usage error */
  public int run(String... args) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args);
    } catch (UsageException e) {
      err.println(e.getMessage() + "\n" + USAGE);
      return USAGE_ERROR;
    }
    Optional<String> key = arguments.key().or(this::keyFromEnvironment);
    if (key.isEmpty()) {
      err.println("No API key: give --key, set FACET_API_KEY, or run where "
          + data.resolve(LocalAdminKey.FILE) + " is (a local Facet's admin key).");
      return USAGE_ERROR;
    }
    return raise(arguments, key.get());
  }

  private int raise(Arguments arguments, String key) {
    URI uri = URI.create(arguments.api().replaceAll("/+$", "") + "/api/catalogs/"
        + arguments.catalogId() + "/budget");
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"budgetUsd\": " + arguments.usd() + "}", StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      // Java 17's client is not AutoCloseable; its threads end with this short-lived process.
      response = HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      err.println("Cannot reach Facet's API at " + arguments.api() + ": is `./facet run` or"
          + " `./facet serve` running? Give another address with --api.");
      return REFUSED;
    } catch (IOException e) {
      err.println("Facet's API at " + arguments.api() + " did not answer: " + e.getMessage());
      return REFUSED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return REFUSED;
    }
    JsonNode body = json(response.body());
    if (response.statusCode() != 200) {
      err.println("Not raised (" + response.statusCode() + "): "
          + (body.hasNonNull("detail") ? body.get("detail").asString() : response.body()));
      return REFUSED;
    }
    JsonNode budget = body.path("budget");
    out.printf(Locale.ROOT,
        "Catalog '%s': budget raised to $%.2f ($%.2f spent or reserved); %s%n",
        arguments.catalogId(), budget.path("capUsd").asDouble(),
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
      return Files.isReadable(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
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

  /** The command line: the catalog, the new budget, and where the API is. */
  record Arguments(String catalogId, double usd, String api, Optional<String> key) {

    /** @throws UsageException naming what is wrong */
    static Arguments parse(String... args) {
      List<String> positional = new ArrayList<>();
      String api = DEFAULT_API;
      String key = null;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--api") || arg.equals("--key")) {
          if (i + 1 >= args.length) {
            throw new UsageException(arg + " needs a value.");
          }
          if (arg.equals("--api")) {
            api = args[++i];
          } else {
            key = args[++i];
          }
        } else if (arg.startsWith("--")) {
          throw new UsageException("Unexpected option '" + arg + "' for budget.");
        } else {
          positional.add(arg);
        }
      }
      if (positional.size() != 2) {
        throw new UsageException("budget needs the catalog's id and the new budget in US dollars,"
            + " e.g. budget summer 50.");
      }
      double usd = new ChoiceParser(option -> "The new budget", UsageException::new)
          .budgetUsd(positional.get(1))
          .orElseThrow();
      return new Arguments(positional.get(0), usd, api, Optional.ofNullable(key));
    }
  }
}
