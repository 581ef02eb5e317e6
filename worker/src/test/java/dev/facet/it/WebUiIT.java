package dev.facet.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.temporal.DevServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The operator's view in the Temporal Web UI, in a real browser (Debian's headless Chromium): the
 * README's "awaiting a human" filter lists exactly the shoots that wait for a reviewer. The
 * screenshot is kept in {@code target/webui/}.
 */
class WebUiIT {

  /** The README's filter (Operating Facet). */
  static final String AWAITING_HUMAN = "FacetAwaitingHuman = true";

  @TempDir Path data;

  @Test
  void theAwaitingHumanFilterListsTheShootsWaitingForAReviewer() throws Exception {
    try (DevServer temporal = RealStack.devServer(data.resolve("temporal"))) {
      int apiPort = RealStack.freePort();
      FacetApi api = new FacetApi(apiPort);
      try (FacetProcess app =
          FacetProcess.start(
              data.resolve("serve.log"),
              "serve",
              FacetProcess.serveArgs(
                  data.resolve("facet"), apiPort, RealStack.freePort(), temporal))) {
        api.awaitUp();
        String photo = api.upload("P01-front.jpg", "front").get(0).get("key").asText();
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        List<String> waiting = List.of("UI-" + run + "-A", "UI-" + run + "-B");
        String published = "UI-" + run + "-AUTO";
        for (String sku : waiting) {
          start(api, sku, photo, "manual");
        }
        start(api, published, photo, "auto");
        for (String sku : waiting) {
          api.awaitStage(sku, "AWAITING_SELECTION");
        }
        api.awaitStage(published, "PUBLISHED");

        String page =
            temporal.ui()
                + "/namespaces/default/workflows?query="
                + URLEncoder.encode(AWAITING_HUMAN, StandardCharsets.UTF_8);
        ChromeDriver browser = Browser.headless();
        try {
          browser.get(page);
          // The list fills in from the server's visibility store after the page loads.
          RealStack.await(
              "the filtered list to show " + waiting,
              Duration.ofSeconds(60),
              () ->
                  waiting.stream()
                      .allMatch(sku -> browser.getPageSource().contains("shoot-" + sku)));
          String listed = browser.getPageSource();
          Path shot = Browser.screenshot(browser, "webui", "awaiting-human.png");
          System.out.printf("web UI: %s lists %s; screenshot %s%n", AWAITING_HUMAN, waiting, shot);
          assertThat(listed).doesNotContain("shoot-" + published);
        } finally {
          browser.quit();
        }
      }
    }
  }

  private static void start(FacetApi api, String sku, String photo, String approval)
      throws Exception {
    HttpResponse<String> started =
        api.post(
            "/shoots",
            """
        {"product": {"sku": "%s", "name": "Solitaire", "type": "ring", "metal": "18k yellow gold"},
         "photos": [{"key": "%s", "angle": "front"}],
         "policy": {"approval": "%s", "variants": 1, "channels": ["master"]}}
        """
                .formatted(sku, photo, approval));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
  }
}
