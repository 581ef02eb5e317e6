package dev.facet.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.temporal.DevServer;
import dev.facet.testing.TestKeys;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * A reviewer works from the review page alone, in a real browser, against the packaged app on the
 * real dev server: logs in with a key, picks candidates with the keyboard, approves, rejects with
 * notes (a new round), and is told when someone else decided first. Screenshots in {@code
 * target/review/}.
 */
class ReviewIT {

  @TempDir Path data;

  @Test
  void aReviewerWorksThroughTheQueueFromTheBrowser() throws Exception {
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
        JsonNode photos = api.upload("P01-front.jpg", "front", "P01-side.jpg", "side");
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String ring = "RV-" + run + "-RING", other = "RV-" + run + "-OTHER";
        start(api, other, photos);
        api.awaitStage(other, "AWAITING_SELECTION");
        start(api, ring, photos);
        api.awaitStage(ring, "AWAITING_SELECTION");

        ChromeDriver browser = Browser.headless();
        try {
          browser.get("http://127.0.0.1:" + apiPort + "/review");
          logIn(browser);
          // Newest first: the ring started last.
          await(
              browser,
              "both shoots in the queue, newest first",
              () -> queue(browser).equals(List.of(ring, other)));
          keys(browser, Keys.ARROW_DOWN);
          await(browser, ring + " open", () -> title(browser).startsWith(ring));
          await(browser, "every image loaded", () -> imagesLoaded(browser));
          Browser.screenshot(browser, "review", "contact-sheet.png");

          // "2" picks the second-ranked candidate of the current shot and moves to the next shot.
          Map<String, String> secondBest = rankedSecond(api.get("/shoots/" + ring));
          keys(browser, "2");
          keys(browser, "2");
          keys(browser, "a");
          JsonNode selected = api.awaitStage(ring, "AWAITING_APPROVAL");
          assertThat(FacetApi.json.convertValue(selected.get("selections"), Map.class))
              .isEqualTo(secondBest);
          assertThat(lastAudit(selected).get("reviewer").asText()).isEqualTo("rita");

          // The page moved on to the other shoot; back to the ring, now awaiting approval.
          browser.navigate().refresh();
          await(browser, "the queue after refresh", () -> queue(browser).contains(ring));
          click(browser, ring);
          await(
              browser,
              "the QA table",
              () -> !browser.findElements(By.cssSelector("table.qa tbody tr")).isEmpty());
          await(browser, "every image loaded", () -> imagesLoaded(browser));
          browser
              .manage()
              .window()
              .setSize(new Dimension(1600, 2400)); // the whole sheet, QA included
          Browser.screenshot(browser, "review", "approval.png");
          browser.manage().window().setSize(new Dimension(1600, 1000));
          assertEvidenceIsOutlinedWhereItIs(browser);
          keys(browser, "r");
          browser.findElement(By.id("notes")).sendKeys("the band looks too pink");
          browser.findElement(By.cssSelector("#redo input[value='hero']")).click();
          browser.findElement(By.id("reject-send")).click();
          JsonNode round2 = api.awaitStage(ring, "AWAITING_SELECTION");
          assertThat(round2.get("round").asInt()).isEqualTo(2);
          assertThat(lastAudit(round2).get("action").asText()).isEqualTo("reject");

          // Round 2 remade only the hero shot; pick its best and approve the result.
          browser.navigate().refresh();
          await(browser, "the ring back in the queue", () -> queue(browser).contains(ring));
          click(browser, ring);
          await(browser, "round 2 open", () -> title(browser).contains("round 2"));
          keys(browser, "a");
          api.awaitStage(ring, "AWAITING_APPROVAL");
          browser.navigate().refresh();
          await(browser, "the ring awaiting approval", () -> queue(browser).contains(ring));
          click(browser, ring);
          await(
              browser,
              "the approve button",
              () -> browser.findElement(By.id("approve")).getText().startsWith("Approve"));
          keys(browser, "a");
          JsonNode published = api.awaitStage(ring, "PUBLISHED");
          assertThat(lastAudit(published).get("reviewer").asText()).isEqualTo("rita");

          // Someone decides on the other shoot behind the page's back: the page says so.
          browser.navigate().refresh();
          await(browser, "the other shoot", () -> queue(browser).contains(other));
          click(browser, other);
          await(browser, other + " open", () -> title(browser).startsWith(other));
          HttpResponse<String> elsewhere =
              api.post(
                  "/shoots/" + other + "/decisions",
                  "{\"action\":\"select\",\"selections\":"
                      + FacetApi.json.writeValueAsString(rankedFirst(api.get("/shoots/" + other)))
                      + "}");
          assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(200);
          keys(browser, "a");
          await(
              browser,
              "the overtaken message",
              () -> browser.findElement(By.id("message")).getText().startsWith("Overtaken:"));
          Browser.screenshot(browser, "review", "overtaken.png");
          System.out.printf(
              "review page: %s selected, rejected, reselected and approved from the browser;"
                  + " overtaken shown for %s: %s%n",
              ring, other, browser.findElement(By.id("message")).getText());
        } finally {
          browser.quit();
        }
      }
    }
  }

  /**
   * A failed check's regions are boxes over the finished image, on the image's own pixels whatever
   * size it is shown at. The shoot's own checks may all pass, so one failure with a known region is
   * added to the page's state and the finals drawn again.
   */
  @SuppressWarnings("unchecked")
  private static void assertEvidenceIsOutlinedWhereItIs(ChromeDriver browser) throws IOException {
    browser.executeScript(
        """
        desk.state.qa[0].checks.push({ name: 'debris', value: 0.05, threshold: 0.02, comparator: '<=',
          passed: false, blocking: true, detail: 'shadow left behind',
          regions: [{ x: 500, y: 1000, width: 1000, height: 500 }] });
        renderFinals();""");
    await(
        browser,
        "the debris region drawn",
        () ->
            (Boolean)
                browser.executeScript(
                    """
        const img = document.querySelector("svg.evidence rect[data-check='debris']")?.closest('div.evidence').querySelector('img');
        return !!img && img.complete && img.naturalWidth > 0;"""));
    // Where the box should be: the region scaled as object-fit: contain fits the image.
    Map<String, Object> at =
        (Map<String, Object>)
            browser.executeScript(
                """
        const rect = document.querySelector("svg.evidence rect[data-check='debris']");
        const img = rect.closest('div.evidence').querySelector('img');
        const shown = img.getBoundingClientRect(), box = rect.getBoundingClientRect();
        const scale = Math.min(shown.width / img.naturalWidth, shown.height / img.naturalHeight);
        const left = shown.left + (shown.width - img.naturalWidth * scale) / 2;
        const top = shown.top + (shown.height - img.naturalHeight * scale) / 2;
        return { dx: box.left - (left + 500 * scale), dy: box.top - (top + 1000 * scale),
          dw: box.width - 1000 * scale, dh: box.height - 500 * scale,
          row: [...document.querySelectorAll('table.qa td')].some((td) => td.textContent.includes('1 region outlined')) };""");
    for (String off : List.of("dx", "dy", "dw", "dh")) {
      assertThat(((Number) at.get(off)).doubleValue())
          .as("box " + off + " off its region, px")
          .isBetween(-1.5, 1.5);
    }
    assertThat(at.get("row")).as("the QA table says a region is outlined").isEqualTo(true);
    browser.executeScript(
        "document.querySelector(\"svg.evidence rect[data-check='debris']\").closest('figure').scrollIntoView()");
    Browser.screenshot(browser, "review", "evidence.png");
  }

  private static void logIn(ChromeDriver browser) {
    await(
        browser,
        "the login form alone",
        () ->
            browser.findElement(By.id("login")).isDisplayed()
                && !browser.findElement(By.id("desk")).isDisplayed());
    browser.findElement(By.id("key")).sendKeys(TestKeys.REVIEWER, Keys.ENTER);
    await(
        browser,
        "the desk, logged in as rita",
        () ->
            browser.findElement(By.id("desk")).isDisplayed()
                && browser.findElement(By.id("who")).getText().equals("rita (reviewer)"));
    assertThat(browser.findElement(By.id("login")).isDisplayed()).isFalse();
  }

  private static void start(FacetApi api, String sku, JsonNode photos) throws Exception {
    HttpResponse<String> started =
        api.post(
            "/shoots",
            """
        {"product": {"sku": "%s", "name": "Solitaire", "type": "ring", "metal": "18k yellow gold"},
         "photos": [{"key": "%s", "angle": "front"}, {"key": "%s", "angle": "side"}],
         "policy": {"approval": "manual", "variants": 2, "channels": ["master"]}}
        """
                .formatted(
                    sku, photos.get(0).get("key").asText(), photos.get(1).get("key").asText()));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
  }

  private static List<String> queue(ChromeDriver browser) {
    List<String> skus = new ArrayList<>();
    for (WebElement item : browser.findElements(By.cssSelector("#queue li"))) {
      skus.add(item.getDomAttribute("data-sku"));
    }
    return skus;
  }

  private static void click(ChromeDriver browser, String sku) {
    browser.findElement(By.cssSelector("#queue li[data-sku='" + sku + "']")).click();
    await(browser, sku + " open", () -> title(browser).startsWith(sku));
  }

  private static String title(ChromeDriver browser) {
    return browser.findElement(By.id("item-title")).getText();
  }

  private static boolean imagesLoaded(ChromeDriver browser) {
    Object loaded =
        browser.executeScript(
            "const images = [...document.querySelectorAll('#item img:not(#zoom-image)')];"
                + "return images.length > 0 && images.every(i => i.complete && i.naturalWidth > 0);");
    return Boolean.TRUE.equals(loaded);
  }

  private static void keys(ChromeDriver browser, CharSequence key) {
    new Actions(browser).sendKeys(key).perform();
  }

  /** Shot to the candidate of this round with the given rank. */
  private static Map<String, String> ranked(JsonNode state, int rank) {
    Map<String, String> picks = new TreeMap<>();
    for (JsonNode view : state.get("candidates")) {
      JsonNode candidate = view.get("candidate");
      if (candidate.get("round").asInt() == state.get("round").asInt()
          && view.get("rank").asInt() == rank) {
        picks.put(candidate.get("shot").asText(), candidate.get("id").asText());
      }
    }
    return picks;
  }

  private static Map<String, String> rankedFirst(JsonNode state) {
    return ranked(state, 1);
  }

  private static Map<String, String> rankedSecond(JsonNode state) {
    return ranked(state, 2);
  }

  private static JsonNode lastAudit(JsonNode state) {
    JsonNode audit = state.get("audit");
    return audit.get(audit.size() - 1);
  }

  private static void await(ChromeDriver browser, String what, BooleanSupplier condition) {
    RealStack.await(
        what,
        Duration.ofSeconds(60),
        () -> {
          try {
            return condition.getAsBoolean();
          } catch (NoSuchElementException | StaleElementReferenceException e) {
            return false;
          }
        });
  }
}
