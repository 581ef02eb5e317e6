package dev.facet.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.facet.app.cli.BudgetCommand;
import dev.facet.storage.ObjectStore;
import dev.facet.testing.FakeShootWorkflow;
import dev.facet.testing.InProcessStackTest;
import dev.facet.testing.TestHttp;
import dev.facet.testing.TestImages;
import dev.facet.testing.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;
import picocli.CommandLine;

/** The catalog API against the in-process Temporal server and the stand-in shoot. */
@InProcessStackTest
class CatalogApiTest {

  @LocalServerPort int port;
  @Autowired ObjectStore store;
  RestClient http;
  String photo;

  @BeforeEach
  void setUp() {
    http = TestHttp.withKey(port, TestKeys.ADMIN);
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part("photos", new ByteArrayResource(TestImages.photo("P01_capture_1.jpg")))
        .filename("front.jpg");
    photo = JsonPath.read(multipart("/api/uploads", body).getBody(), "$[0].key");
  }

  @Test
  void startsACatalogOnceAndTheSameIdAgainAnswersTheRunningOne() {
    ResponseEntity<String> first = start("cat-start", products("CS-1", "CS-2"), Map.of());
    ResponseEntity<String> second = start("cat-start", products("CS-1", "CS-2"), Map.of());

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getHeaders().getLocation()).hasPath("/api/catalogs/cat-start");
    assertThat((String) JsonPath.read(first.getBody(), "$.workflowId"))
        .isEqualTo("catalog-cat-start");
    assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((String) JsonPath.read(second.getBody(), "$.runId"))
        .isEqualTo(JsonPath.read(first.getBody(), "$.runId"));
    assertThat(store.find("catalogs/cat-start/manifest.csv")).isPresent();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(FakeShootWorkflow.STARTS.keySet()).contains("CS-2"));
    assertThat(FakeShootWorkflow.STARTS.get("CS-1")).hasValue(1);
  }

  @Test
  void answersProgressAndTheProductsAwaitingAReviewer() {
    start("cat-wait", products("CW-1", "CW-2", "FAIL-CW-3"), Map.of("policy", "manual"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              ResponseEntity<String> progress = get("/api/catalogs/cat-wait");
              assertThat(progress.getStatusCode()).isEqualTo(HttpStatus.OK);
              assertThat((Integer) JsonPath.read(progress.getBody(), "$.total")).isEqualTo(3);
              assertThat((Integer) JsonPath.read(progress.getBody(), "$.awaitingHuman"))
                  .isEqualTo(2);
              assertThat((Integer) JsonPath.read(progress.getBody(), "$.failed")).isEqualTo(1);
            });
    ResponseEntity<String> awaiting = get("/api/catalogs/cat-wait/awaiting");

    assertThat(awaiting.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((Integer) JsonPath.read(awaiting.getBody(), "$.count")).isEqualTo(2);
    assertThat((List<String>) JsonPath.read(awaiting.getBody(), "$.products[*].sku"))
        .containsExactlyInAnyOrder("CW-1", "CW-2");
    assertThat((String) JsonPath.read(awaiting.getBody(), "$.products[0].decisionsUrl"))
        .matches("/api/shoots/CW-[12]/decisions");
    assertThat(
            (String) JsonPath.read(get("/api/catalogs/cat-wait").getBody(), "$.failures[0].reason"))
        .isEqualTo(FakeShootWorkflow.FAILURE);
  }

  @Test
  void pausesResumesAndCancelsAndRefusesAChangeThatDoesNotFit() {
    start("cat-ctl", products("CC-1", "CC-2"), Map.of("policy", "manual", "window", "1"));

    ResponseEntity<String> paused = post("/api/catalogs/cat-ctl/pause");
    ResponseEntity<String> pausedAgain = post("/api/catalogs/cat-ctl/pause");
    ResponseEntity<String> resumed = post("/api/catalogs/cat-ctl/resume");
    ResponseEntity<String> resumedAgain = post("/api/catalogs/cat-ctl/resume");
    ResponseEntity<String> noReportYet = get("/api/catalogs/cat-ctl/report");
    ResponseEntity<String> cancelled = post("/api/catalogs/cat-ctl/cancel");

    assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((String) JsonPath.read(paused.getBody(), "$.status")).isEqualTo("paused");
    assertProblem(pausedAgain, HttpStatus.CONFLICT);
    assertThat(detail(pausedAgain))
        .isEqualTo("The catalog 'cat-ctl' cannot pause: the catalog is already paused.");
    assertThat((String) JsonPath.read(resumed.getBody(), "$.status")).isEqualTo("running");
    assertProblem(resumedAgain, HttpStatus.CONFLICT);
    assertThat(detail(resumedAgain)).contains("cannot resume: the catalog is not paused");
    assertProblem(noReportYet, HttpStatus.CONFLICT);
    assertThat(detail(noReportYet)).contains("is still running");
    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              ResponseEntity<String> report = get("/api/catalogs/cat-ctl/report");
              assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
              assertThat((Integer) JsonPath.read(report.getBody(), "$.products")).isEqualTo(2);
              assertThat((String) JsonPath.read(report.getBody(), "$.csv"))
                  .isEqualTo("catalogs/cat-ctl/report.csv");
            });
    ResponseEntity<String> afterTheEnd = post("/api/catalogs/cat-ctl/pause");
    assertProblem(afterTheEnd, HttpStatus.CONFLICT);
    assertThat(detail(afterTheEnd)).contains("'cat-ctl' has already completed");
    ResponseEntity<String> restart = start("cat-ctl", products("CC-1"), Map.of());
    assertProblem(restart, HttpStatus.CONFLICT);
    assertThat(detail(restart)).contains("Start the catalog again under another id");
  }

  @Test
  void aBudgetIsRaisedThroughTheApiAndTheBudgetCommandAndALowerOneIsRefused() {
    ResponseEntity<String> started =
        start("cat-budget", products("CBU-1"), Map.of("policy", "manual", "budgetUsd", "5"));
    assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        (Double)
                            JsonPath.read(
                                get("/api/catalogs/cat-budget").getBody(), "$.budget.capUsd"))
                    .isEqualTo(5.0));

    ResponseEntity<String> raised = budget("cat-budget", "{\"budgetUsd\": 10}");
    assertThat(raised.getStatusCode()).as(raised.getBody()).isEqualTo(HttpStatus.OK);
    assertThat((Double) JsonPath.read(raised.getBody(), "$.budget.capUsd")).isEqualTo(10.0);
    assertThat((Integer) JsonPath.read(raised.getBody(), "$.budget.held")).isZero();

    ResponseEntity<String> lower = budget("cat-budget", "{\"budgetUsd\": 3}");
    assertProblem(lower, HttpStatus.CONFLICT);
    assertThat(detail(lower))
        .isEqualTo(
            "The catalog 'cat-budget' cannot raise its budget: the"
                + " budget is $10.00 ($0.00 of it spent or reserved); a new one must be above it, not"
                + " $3.00.");
    ResponseEntity<String> shapeless = budget("cat-budget", "{\"usd\": 30}");
    assertProblem(shapeless, HttpStatus.BAD_REQUEST);
    assertThat(detail(shapeless))
        .isEqualTo(
            "The body is the new budget, e.g. {\"budgetUsd\": 50}:"
                + " a budget is a number of US dollars of at least 0.");
    assertProblem(budget("cat-budget", "{\"budgetUsd\": -1}"), HttpStatus.BAD_REQUEST);
    assertProblem(budget("never-started", "{\"budgetUsd\": 30}"), HttpStatus.NOT_FOUND);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        new CommandLine(
                new BudgetCommand(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of("FACET_API_KEY", TestKeys.OPERATOR)::get,
                    Path.of("no-such-data")))
            .execute("cat-budget", "25", "--api", "http://localhost:" + port);
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "Catalog 'cat-budget': budget raised to $25.00 ($0.00 spent or reserved); no"
                + " product is held.");
    int refused =
        new CommandLine(
                new BudgetCommand(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of("FACET_API_KEY", TestKeys.OPERATOR)::get,
                    Path.of("no-such-data")))
            .execute("cat-budget", "20", "--api", "http://localhost:" + port);
    assertThat(refused).isOne();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "Not raised (409): The catalog 'cat-budget' cannot raise its budget: the budget"
                + " is $25.00");
    post("/api/catalogs/cat-budget/cancel");
  }

  @Test
  void aCatalogWithoutABudgetOrABudgetThatIsNoAmountIsRefused() {
    start("cat-open", products("COP-1"), Map.of("policy", "manual"));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(get("/api/catalogs/cat-open").getStatusCode()).isEqualTo(HttpStatus.OK));

    ResponseEntity<String> none = budget("cat-open", "{\"budgetUsd\": 10}");
    assertProblem(none, HttpStatus.CONFLICT);
    assertThat(detail(none))
        .contains(
            "cannot raise its budget: the catalog has no budget to"
                + " raise: it was started without one");
    ResponseEntity<String> bad =
        start("cat-bad-budget", products("CBB-1"), Map.of("budgetUsd", "lots"));
    assertProblem(bad, HttpStatus.BAD_REQUEST);
    assertThat(detail(bad))
        .isEqualTo(
            "'budgetUsd' caps what the catalog's paid generations may"
                + " cost: a budget is a number of US dollars of at least 0, e.g. 50 or 12.50; not 'lots'.");
    post("/api/catalogs/cat-open/cancel");
  }

  @Test
  void aFinishedCatalogAnswersItsReportKeys() {
    start("cat-done", products("CD-1", "CD-2"), Map.of("policy", "auto"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(get("/api/catalogs/cat-done/report").getStatusCode())
                    .isEqualTo(HttpStatus.OK));
    ResponseEntity<String> report = get("/api/catalogs/cat-done/report");

    String json = JsonPath.read(report.getBody(), "$.json");
    assertThat(json).isEqualTo("catalogs/cat-done/report.json");
    assertThat(new String(store.get(json), StandardCharsets.UTF_8))
        .contains("\"sku\" : \"CD-1\"", "\"status\" : \"PUBLISHED\"");
    assertThat((String) JsonPath.read(get("/api/catalogs/cat-done").getBody(), "$.status"))
        .isEqualTo("finished");
  }

  @Test
  void anUnreadableManifestIsABadRequestNamingTheLine() {
    String json =
        """
        {"products": [
          {"sku": "X-1", "name": "Ring",
           "type": "ring" "metal": "gold"}
        ]}
        """;
    ResponseEntity<String> response = start("cat-bad.json", null, json, Map.of());

    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat((String) JsonPath.read(response.getBody(), "$.title"))
        .isEqualTo("Unreadable manifest");
    assertThat((List<String>) JsonPath.read(response.getBody(), "$.problems"))
        .singleElement()
        .asString()
        .startsWith("line 3: not valid JSON");
    assertProblem(start("notes.txt", "cat-bad", "sku\n", Map.of()), HttpStatus.BAD_REQUEST);
  }

  @Test
  void productsThatBreakTheRulesAreUnprocessableWithEveryProblemAndLine() {
    String csv =
        """
        sku,name,type,metal,photos
        OK-1,Ring,ring,gold,%s@front
        NO-2,Ring,ring,gold,uploads/nope/0@front
        NO-3,Ring,ring,,%s
        """
            .formatted(photo, photo);
    ResponseEntity<String> response = start("catalog.csv", "cat-rules", csv, Map.of());

    assertProblem(response, HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat((List<String>) JsonPath.read(response.getBody(), "$.problems"))
        .containsExactly(
            "line 3: photo 'uploads/nope/0' is not in the object store; upload it with POST"
                + " /api/uploads and use the key it answers",
            "line 4: the metal is missing");
    assertThat(get("/api/catalogs/cat-rules").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aRowsOwnChannelsProvidersAndVariantsReachItsShootAlone() {
    String csv =
        """
        sku,name,type,metal,photos,channels,providers,variants
        CO-1,Ring,ring,gold,%s@front,etsy;Amazon,studio,2
        CO-2,Ring,ring,gold,%s@front,,,
        """
            .formatted(photo, photo);

    ResponseEntity<String> response =
        start("cat-own", csv, Map.of("channels", "master", "variants", "3"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              ResponseEntity<String> own = get("/api/shoots/CO-1");
              ResponseEntity<String> catalogs = get("/api/shoots/CO-2");
              assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
              assertThat(catalogs.getStatusCode()).isEqualTo(HttpStatus.OK);
              assertThat((List<String>) JsonPath.read(own.getBody(), "$.policy.channels"))
                  .containsExactly("etsy", "amazon-main");
              assertThat((Integer) JsonPath.read(own.getBody(), "$.policy.variants")).isEqualTo(2);
              assertThat((List<String>) JsonPath.read(catalogs.getBody(), "$.policy.channels"))
                  .containsExactly("master");
              assertThat((Integer) JsonPath.read(catalogs.getBody(), "$.policy.variants"))
                  .isEqualTo(3);
            });
  }

  @Test
  void aRowNamingAChannelOrProviderFacetDoesNotKnowIsUnprocessableNamingTheRowAndTheValidOnes() {
    String csv =
        """
        sku,name,type,metal,photos,channels,providers
        CU-1,Ring,ring,gold,%s@front,etsy,
        CU-2,Ring,ring,gold,%s@front,amazn,
        CU-3,Ring,ring,gold,%s@front,,flux
        """
            .formatted(photo, photo, photo);

    for (String dryRun : List.of("false", "true")) {
      ResponseEntity<String> response = start("cat-own-bad", csv, Map.of("dryRun", dryRun));

      assertProblem(response, HttpStatus.UNPROCESSABLE_CONTENT);
      assertThat((List<String>) JsonPath.read(response.getBody(), "$.problems"))
          .satisfiesExactly(
              channel ->
                  assertThat(channel)
                      .startsWith(
                          "line 3: CU-2: channels: unknown channel 'amazn'; the channels are"
                              + " amazon-main (or amazon), amazon-secondary, ebay, etsy, google-merchant"),
              provider ->
                  assertThat(provider)
                      .startsWith(
                          "line 4: CU-3: providers names 'flux', but no API key is configured"
                              + " for flux: set FACET_PROVIDERS_FLUX_API_KEY"));
    }
    assertThat(get("/api/catalogs/cat-own-bad").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(store.list("catalogs/cat-own-bad/")).isEmpty();
  }

  @Test
  void aBadIdPolicyOrWindowIsABadRequest() {
    String manifest = products("BAD-1");

    assertThat(detail(start("../x", manifest, Map.of())))
        .contains("'../x' is not a valid catalog id");
    assertThat(detail(start("cat-p", manifest, Map.of("policy", "sometimes"))))
        .contains("auto or manual, not 'sometimes'");
    ResponseEntity<String> window = start("cat-w", manifest, Map.of("window", "0"));
    assertProblem(window, HttpStatus.BAD_REQUEST);
    assertThat(detail(window)).contains("window must be 1..1000, was 0");
  }

  @Test
  void startsEveryShootWithTheChosenChannelsProvidersVariantsAndShots() {
    ResponseEntity<String> response =
        start(
            "cat-choice",
            products("CCH-1"),
            Map.of(
                "approval",
                "manual",
                "channels",
                "google, etsy",
                "providers",
                "studio",
                "variants",
                "2",
                "shots",
                "hero"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              ResponseEntity<String> state = get("/api/shoots/CCH-1");
              assertThat(state.getStatusCode()).isEqualTo(HttpStatus.OK);
              assertThat((List<String>) JsonPath.read(state.getBody(), "$.policy.channels"))
                  .containsExactly("google-merchant", "etsy");
              assertThat((Integer) JsonPath.read(state.getBody(), "$.policy.variants"))
                  .isEqualTo(2);
              assertThat((String) JsonPath.read(state.getBody(), "$.policy.approval"))
                  .isEqualTo("manual");
            });
  }

  @Test
  void aWholePolicyAsJsonIsRefinedByTheOtherFields() {
    ResponseEntity<String> response =
        start(
            "cat-json",
            products("CJ-1"),
            Map.of(
                "shootPolicy",
                "{\"approval\":\"manual\",\"maxRounds\":2,\"humanTimeout\":\"PT2H\","
                    + "\"budgetUsd\":5,\"variants\":3,\"channels\":[\"master\"]}",
                "variants",
                "2"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              ResponseEntity<String> state = get("/api/shoots/CJ-1");
              assertThat(state.getStatusCode()).isEqualTo(HttpStatus.OK);
              assertThat((Integer) JsonPath.read(state.getBody(), "$.policy.maxRounds"))
                  .isEqualTo(2);
              assertThat((String) JsonPath.read(state.getBody(), "$.policy.humanTimeout"))
                  .isEqualTo("PT2H");
              assertThat((Double) JsonPath.read(state.getBody(), "$.policy.budgetUsd"))
                  .isEqualTo(5.0);
              assertThat((Integer) JsonPath.read(state.getBody(), "$.policy.variants"))
                  .isEqualTo(2);
              assertThat((List<String>) JsonPath.read(state.getBody(), "$.policy.channels"))
                  .containsExactly("master");
              assertThat((String) JsonPath.read(state.getBody(), "$.policy.approval"))
                  .isEqualTo("manual");
            });

    ResponseEntity<String> broken =
        start("cat-json-bad", products("CJ-2"), Map.of("shootPolicy", "{\"variants\": \"many\"}"));
    assertProblem(broken, HttpStatus.BAD_REQUEST);
    assertThat(detail(broken))
        .startsWith(
            "'shootPolicy' is a shoot's policy as JSON, e.g. {\"variants\": 2, \"budgetUsd\": 5};"
                + " this one does not fit: ");
    ResponseEntity<String> outOfRange =
        start("cat-json-bad", products("CJ-2"), Map.of("shootPolicy", "{\"variants\": 40}"));
    assertProblem(outOfRange, HttpStatus.BAD_REQUEST);
    assertThat(detail(outOfRange)).contains("variants must be 1..10, was 40");
  }

  @Test
  void anUnknownChannelShotOrProviderIsABadRequestListingTheValidOnesAndStartsNothing() {
    ResponseEntity<String> response =
        start(
            "cat-unknown",
            products("CU-1"),
            Map.of("channels", "amazon,etsyy", "shots", "top", "providers", "studio,dalle"));

    assertProblem(response, HttpStatus.BAD_REQUEST);
    assertThat(detail(response))
        .startsWith("The catalog cannot start: ")
        .contains("unknown channel 'etsyy'; the channels are amazon-main (or amazon), ")
        .contains("'dalle' is no generator; the generators are studio, openai, flux")
        .contains("'top' is no shot of the style guide; its shots are hero, profile");
    assertThat(get("/api/catalogs/cat-unknown").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    for (Map<String, String> bad :
        List.of(
            Map.of("variants", "11"),
            Map.of("approval", "sometimes"),
            Map.of("routing", "x"),
            Map.of("channels", " , "))) {
      assertProblem(start("cat-unknown", products("CU-1"), bad), HttpStatus.BAD_REQUEST);
    }
    assertThat(detail(start("cat-unknown", products("CU-1"), Map.of("variants", "many"))))
        .isEqualTo("'variants' is a number of candidates per shot from 1 to 10, not 'many'.");
  }

  @Test
  void aDryRunAnswersThePlanAndStartsNothing() {
    ResponseEntity<String> plan =
        start(
            "cat-dry",
            products("CDR-1", "CDR-2"),
            Map.of("dryRun", "true", "channels", "etsy,google", "variants", "3", "shots", "hero"));

    assertThat(plan.getStatusCode()).as(plan.getBody()).isEqualTo(HttpStatus.OK);
    assertThat((String) JsonPath.read(plan.getBody(), "$.catalogId")).isEqualTo("cat-dry");
    assertThat((Integer) JsonPath.read(plan.getBody(), "$.products")).isEqualTo(2);
    assertThat((List<String>) JsonPath.read(plan.getBody(), "$.channels"))
        .containsExactly("etsy", "google-merchant");
    assertThat((List<String>) JsonPath.read(plan.getBody(), "$.providers[*].provider"))
        .containsExactly("studio");
    assertThat((List<Integer>) JsonPath.read(plan.getBody(), "$.providers[*].images"))
        .containsExactly(6);
    assertThat((Double) JsonPath.read(plan.getBody(), "$.estimatedUsd")).isZero();
    assertThat(get("/api/catalogs/cat-dry").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(store.list("catalogs/cat-dry/")).isEmpty();
    assertThat(FakeShootWorkflow.STARTS).doesNotContainKeys("CDR-1", "CDR-2");

    String mixed =
        """
        sku,name,type,metal,photos,channels,variants
        CDR-1,Ring,ring,gold,%s@front,,
        CDR-2,Ring,ring,gold,%s@front,etsy;amazon;master,1
        """
            .formatted(photo, photo);
    ResponseEntity<String> own =
        start("cat-dry", mixed, Map.of("dryRun", "true", "channels", "etsy", "variants", "3"));
    assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.OK);
    assertThat((Integer) JsonPath.read(own.getBody(), "$.ownPolicies")).isEqualTo(1);
    assertThat((List<Integer>) JsonPath.read(own.getBody(), "$.providers[*].images"))
        .as("2 shots: 3 variants for CDR-1, 1 for CDR-2")
        .containsExactly(8);
    assertThat((Integer) JsonPath.read(own.getBody(), "$.finishedImages"))
        .as("2 shots: 1 channel for CDR-1, 3 for CDR-2")
        .isEqualTo(8);

    ResponseEntity<String> capped =
        start("cat-dry", products("CDR-1"), Map.of("dryRun", "true", "budgetUsd", "5"));
    assertThat((Double) JsonPath.read(capped.getBody(), "$.budgetUsd")).isEqualTo(5.0);
    assertThat((List<String>) JsonPath.read(capped.getBody(), "$.notes"))
        .first()
        .asString()
        .startsWith("Budget $5.00: the estimate $0.00");

    ResponseEntity<String> typo =
        start("cat-dry", products("CDR-1"), Map.of("dryRun", "true", "providers", "flux"));
    assertProblem(typo, HttpStatus.BAD_REQUEST);
    assertThat(detail(typo)).contains("FACET_PROVIDERS_FLUX_API_KEY");
  }

  @Test
  void startsABakeoffWhoseShootsMakeEveryShotWithEveryListedProvider() {
    // The in-process stack serves only the studio renderer: a bake-off of one is still a bake-off.
    ResponseEntity<String> response =
        start("cat-bake", products("CB-1"), Map.of("policy", "manual", "bakeoff", " studio "));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              ResponseEntity<String> state = get("/api/shoots/CB-1");
              assertThat(state.getStatusCode()).isEqualTo(HttpStatus.OK);
              assertThat((String) JsonPath.read(state.getBody(), "$.catalogId"))
                  .isEqualTo("cat-bake");
              assertThat((Boolean) JsonPath.read(state.getBody(), "$.policy.bakeoff")).isTrue();
              assertThat((List<String>) JsonPath.read(state.getBody(), "$.policy.providers"))
                  .containsExactly("studio");
              assertThat((String) JsonPath.read(state.getBody(), "$.policy.approval"))
                  .isEqualTo("manual");
            });
  }

  @Test
  void aBakeoffSampleShootsProductsInTurnFromEachCategoryAsTheSampleCatalog() {
    String csv =
        """
        sku,name,type,metal,photos
        CSM-1,Solitaire,ring,18k yellow gold,%1$s@front
        CSM-2,Band,ring,18k yellow gold,%1$s@front
        CSM-3,Drop,pendant,18k yellow gold,%1$s@front
        CSM-4,Signet,ring,18k yellow gold,%1$s@front
        """
            .formatted(photo);

    ResponseEntity<String> response =
        start("cat-smp", csv, Map.of("policy", "manual", "bakeoff", "studio", "sample", "2"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat((String) JsonPath.read(response.getBody(), "$.catalogId"))
        .isEqualTo("cat-smp-sample");
    assertThat(response.getHeaders().getLocation()).hasPath("/api/catalogs/cat-smp-sample");
    assertThat(store.find("catalogs/cat-smp-sample/manifest.json")).isPresent();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              ResponseEntity<String> progress = get("/api/catalogs/cat-smp-sample/awaiting");
              assertThat(progress.getStatusCode()).isEqualTo(HttpStatus.OK);
              assertThat((List<String>) JsonPath.read(progress.getBody(), "$.products[*].sku"))
                  .containsExactlyInAnyOrder("CSM-1", "CSM-3");
            });
    assertThat((Integer) JsonPath.read(get("/api/catalogs/cat-smp-sample").getBody(), "$.total"))
        .isEqualTo(2);
    assertThat((Boolean) JsonPath.read(get("/api/shoots/CSM-3").getBody(), "$.policy.bakeoff"))
        .isTrue();
    assertThat(get("/api/catalogs/cat-smp").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aBadBakeoffOrSampleIsABadRequest() {
    String manifest = products("BAD-B1");

    for (String bakeoff : List.of(",", " , ", " ")) {
      ResponseEntity<String> empty = start("cat-b", manifest, Map.of("bakeoff", bakeoff));
      assertProblem(empty, HttpStatus.BAD_REQUEST);
      assertThat(detail(empty))
          .isEqualTo(
              "'bakeoff' lists generators separated by commas, e.g. studio,openai,flux; '"
                  + bakeoff
                  + "' names none.");
    }
    ResponseEntity<String> unknown =
        start("cat-b", manifest, Map.of("bakeoff", "studio,midjourney"));
    assertProblem(unknown, HttpStatus.BAD_REQUEST);
    assertThat(detail(unknown))
        .contains("'midjourney' is no generator; the generators are studio, openai, flux");
    ResponseEntity<String> alone = start("cat-b", manifest, Map.of("sample", "2"));
    assertProblem(alone, HttpStatus.BAD_REQUEST);
    assertThat(detail(alone))
        .isEqualTo(
            "The 'sample' chooses the products of a bake-off; give the providers with 'bakeoff'.");
    for (String sample : List.of("0", "-3")) {
      ResponseEntity<String> size =
          start("cat-b", manifest, Map.of("bakeoff", "studio", "sample", sample));
      assertProblem(size, HttpStatus.BAD_REQUEST);
      assertThat(detail(size))
          .isEqualTo("The 'sample' is a number of products above 0, not " + sample + ".");
    }
    assertProblem(
        start("cat-b", manifest, Map.of("bakeoff", "studio", "sample", "two")),
        HttpStatus.BAD_REQUEST);
    ResponseEntity<String> longId =
        start("a".repeat(60), manifest, Map.of("bakeoff", "studio", "sample", "1"));
    assertProblem(longId, HttpStatus.BAD_REQUEST);
    assertThat(detail(longId))
        .startsWith("The sample's catalog id would be '" + "a".repeat(60) + "-sample'")
        .endsWith("Give the catalog a shorter 'catalogId'.");
    assertThat(get("/api/catalogs/cat-b").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anUnknownCatalogIsNotFound() {
    assertProblem(get("/api/catalogs/never-started"), HttpStatus.NOT_FOUND);
    assertProblem(get("/api/catalogs/never-started/report"), HttpStatus.NOT_FOUND);
    assertProblem(post("/api/catalogs/never-started/pause"), HttpStatus.NOT_FOUND);
  }

  private String products(String... skus) {
    StringBuilder csv = new StringBuilder("sku,name,type,metal,photos\n");
    for (String sku : skus) {
      csv.append(sku).append(",Solitaire,ring,18k yellow gold,").append(photo).append("@front\n");
    }
    return csv.toString();
  }

  private ResponseEntity<String> start(String id, String csv, Map<String, String> params) {
    return start("manifest.csv", id, csv, params);
  }

  private ResponseEntity<String> start(
      String fileName, String id, String manifest, Map<String, String> params) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part("manifest", new ByteArrayResource(manifest.getBytes(StandardCharsets.UTF_8)))
        .filename(fileName);
    if (id != null) {
      body.part("catalogId", id);
    }
    params.forEach(body::part);
    return multipart("/api/catalogs", body);
  }

  private ResponseEntity<String> multipart(String path, MultipartBodyBuilder body) {
    return http.post()
        .uri(path)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(body.build())
        .retrieve()
        .toEntity(String.class);
  }

  private ResponseEntity<String> budget(String id, String body) {
    return http.post()
        .uri("/api/catalogs/" + id + "/budget")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(String.class);
  }

  private ResponseEntity<String> get(String path) {
    return http.get().uri(path).retrieve().toEntity(String.class);
  }

  private ResponseEntity<String> post(String path) {
    return http.post().uri(path).retrieve().toEntity(String.class);
  }

  private static void assertProblem(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isNotNull()
        .satisfies(
            type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
    assertThat(detail(response)).isNotBlank();
  }

  private static String detail(ResponseEntity<String> response) {
    return JsonPath.read(response.getBody(), "$.detail");
  }
}
