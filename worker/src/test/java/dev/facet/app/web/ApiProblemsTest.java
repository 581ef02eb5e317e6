package dev.facet.app.web;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.facet.app.catalog.CatalogChangeRefusedException;
import dev.facet.app.catalog.CatalogFinishedException;
import dev.facet.app.catalog.CatalogNotFinishedException;
import dev.facet.app.catalog.CatalogNotFoundException;
import dev.facet.app.catalog.CatalogUnavailableException;
import dev.facet.app.catalog.InvalidCatalogRequestException;
import dev.facet.app.review.QueueUnavailableException;
import dev.facet.app.shoot.DecisionRejectedException;
import dev.facet.app.shoot.InvalidShootRequestException;
import dev.facet.app.shoot.ShootAlreadyRunningException;
import dev.facet.app.shoot.ShootFinishedException;
import dev.facet.app.shoot.ShootNotFoundException;
import dev.facet.app.shoot.ShootUnavailableException;
import dev.facet.app.shoot.UnknownPhotosException;
import dev.facet.app.uploads.RejectedUploadException;
import dev.facet.app.uploads.RejectedUploadException.Reason;
import dev.facet.app.uploads.UploadProperties;
import dev.facet.manifest.ManifestException;
import dev.facet.manifest.Problem;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every failure the API maps, thrown by a stand-in controller: the status, title, detail and extra
 * properties of its problem+json, which clients and the review page read.
 */
class ApiProblemsTest {

  private static final RuntimeException CAUSE = new IllegalStateException("no poller");

  private static final Map<String, Supplier<RuntimeException>> FAILURES =
      Map.ofEntries(
          Map.entry("invalid-shoot", () -> new InvalidShootRequestException("no photos")),
          Map.entry("unknown-photos", () -> new UnknownPhotosException(List.of("uploads/x/0"))),
          Map.entry("running", () -> new ShootAlreadyRunningException("R-1", "shoot-R-1", "run-1")),
          Map.entry("no-shoot", () -> new ShootNotFoundException("R-1")),
          Map.entry("shoot-finished", () -> new ShootFinishedException("R-1", "COMPLETED")),
          Map.entry("decision", () -> new DecisionRejectedException("not now")),
          Map.entry("shoot-unavailable", () -> new ShootUnavailableException("R-1", CAUSE)),
          Map.entry(
              "unreadable",
              () ->
                  new ManifestException(
                      "catalog.csv",
                      ManifestException.Kind.UNREADABLE,
                      List.of(new Problem(1, "no sku column")))),
          Map.entry(
              "invalid-products",
              () ->
                  new ManifestException(
                      "catalog.csv",
                      ManifestException.Kind.INVALID_PRODUCTS,
                      List.of(new Problem(3, "b"), new Problem(2, "a")))),
          Map.entry("invalid-catalog", () -> new InvalidCatalogRequestException("bad id")),
          Map.entry("no-catalog", () -> new CatalogNotFoundException("c-1")),
          Map.entry(
              "catalog-finished",
              () -> new CatalogFinishedException("c-1", "completed", "Start another.")),
          Map.entry(
              "change",
              () -> new CatalogChangeRefusedException("c-1", "resume", "it is not paused")),
          Map.entry("no-report", () -> new CatalogNotFinishedException("still running")),
          Map.entry("catalog-unavailable", () -> new CatalogUnavailableException("c-1", CAUSE)),
          Map.entry("queue", () -> new QueueUnavailableException(CAUSE)),
          Map.entry("no-photos", () -> new RejectedUploadException(Reason.NO_PHOTOS, "none")),
          Map.entry("too-many", () -> new RejectedUploadException(Reason.TOO_MANY_PHOTOS, "11")),
          Map.entry("too-large", () -> new RejectedUploadException(Reason.TOO_LARGE, "big")),
          Map.entry("format", () -> new RejectedUploadException(Reason.UNSUPPORTED_FORMAT, "gif")),
          Map.entry("unusable", () -> new RejectedUploadException(Reason.UNUSABLE, "blurred")),
          Map.entry("bug", () -> new IllegalStateException("a bug")));

  @RestController
  static class Thrower {
    @GetMapping("/api/fail/{what}")
    String fail(@PathVariable String what) {
      throw FAILURES.get(what).get();
    }
  }

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Thrower())
          .setControllerAdvice(
              new ApiExceptionHandler(new UploadProperties(DataSize.ofMegabytes(25), 10)))
          .build();

  @ParameterizedTest(name = "{0}: {1} {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          invalid-shoot       | 400 | Invalid request          | no photos
          no-shoot            | 404 | No such shoot            | There is no shoot for SKU R-1. Start one with POST /api/shoots.
          shoot-finished      | 409 | Shoot already finished   | The shoot for SKU R-1 has already finished (COMPLETED), so it takes no more decisions. Start a new shoot to make the images again.
          decision            | 409 | Decision rejected        | not now
          shoot-unavailable   | 503 | Shoot unavailable        | The shoot for SKU R-1 did not answer (no poller). Check that a Facet worker is running.
          invalid-catalog     | 400 | Invalid request          | bad id
          no-catalog          | 404 | No such catalog          | There is no catalog 'c-1'. Start one with POST /api/catalogs (a multipart 'manifest' file).
          catalog-finished    | 409 | Catalog already finished | The catalog 'c-1' has already completed. Start another.
          change              | 409 | Change refused           | The catalog 'c-1' cannot resume: it is not paused.
          no-report           | 409 | No report yet            | still running
          catalog-unavailable | 503 | Catalog unavailable      | The catalog 'c-1' did not answer (no poller). Check that a Facet worker is running.
          no-photos           | 400 | Upload rejected          | none
          too-many            | 413 | Upload rejected          | 11
          too-large           | 413 | Upload rejected          | big
          format              | 415 | Upload rejected          | gif
          unusable            | 422 | Upload rejected          | blurred
          bug                 | 500 | Internal error           | Facet failed unexpectedly; the server log has the details.
          """)
  void answersWithItsProblem(String what, int status, String title, String detail)
      throws Exception {
    fail(what)
        .andExpect(status().is(status))
        .andExpect(jsonPath("$.title").value(title))
        .andExpect(jsonPath("$.detail").value(detail));
  }

  @Test
  void unknownPhotosNameTheirKeys() throws Exception {
    fail("unknown-photos")
        .andExpect(status().is(422))
        .andExpect(jsonPath("$.title").value("Unknown photos"))
        .andExpect(jsonPath("$.keys[0]").value("uploads/x/0"));
  }

  @Test
  void aRunningShootSaysWhereItRuns() throws Exception {
    fail("running")
        .andExpect(status().is(409))
        .andExpect(jsonPath("$.title").value("Shoot already running"))
        .andExpect(jsonPath("$.workflowId").value("shoot-R-1"))
        .andExpect(jsonPath("$.runId").value("run-1"))
        .andExpect(jsonPath("$.stateUrl").value("/api/shoots/R-1"));
  }

  @Test
  void aManifestListsItsProblemsInLineOrder() throws Exception {
    fail("unreadable")
        .andExpect(status().is(400))
        .andExpect(jsonPath("$.title").value("Unreadable manifest"))
        .andExpect(jsonPath("$.problems[0]").value("line 1: no sku column"));
    fail("invalid-products")
        .andExpect(status().is(422))
        .andExpect(jsonPath("$.title").value("Invalid products"))
        .andExpect(jsonPath("$.problems", contains("line 2: a", "line 3: b")));
  }

  @Test
  void theQueueSaysWhyThereIsNone() throws Exception {
    fail("queue")
        .andExpect(status().is(503))
        .andExpect(jsonPath("$.title").value("No review queue"))
        .andExpect(jsonPath("$.detail").value(new QueueUnavailableException(CAUSE).getMessage()));
  }

  private ResultActions fail(String what) throws Exception {
    return mvc.perform(get("/api/fail/" + what))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").doesNotExist()) // about:blank, RFC 9457's default
        .andExpect(jsonPath("$.instance").value("/api/fail/" + what))
        .andExpect(jsonPath("$.status").exists());
  }
}
