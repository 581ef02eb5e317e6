package dev.facet.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.catalogstore.ReportRow;
import dev.facet.it.Browser;
import dev.facet.model.ProductSpec;
import dev.facet.shoot.ShootPolicy;
import dev.facet.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The run's gallery in headless Chromium, opened from the file system with no server. */
class GalleryIT {

  @TempDir Path folder;

  @Test
  void opensOfflineShowsTheImagesAndFiltersByVerdict() throws IOException {
    Path photos = Files.createDirectories(folder.resolve("photos"));
    Path out = folder.resolve("facet-out");
    List<CatalogProduct> products = new ArrayList<>();
    List<ExportedImage> finals = new ArrayList<>();
    List<ReportRow> rows = new ArrayList<>();
    String[][] pieces = {
      {"P01", "PUBLISHED", ""}, {"P03", "PUBLISHED", "hero/etsy: fill"}, {"P05", "FAILED", ""}
    };
    for (String[] piece : pieces) {
      String sku = piece[0];
      Path reference =
          Files.write(photos.resolve(sku + " front.jpg"), TestImages.photo(sku + "_capture_1.jpg"));
      products.add(
          new CatalogProduct(
              2,
              new ProductSpec(sku, "Piece " + sku, "ring", "gold", null, null, null),
              List.of(new PhotoFile(reference, "front"))));
      List<String> failed = piece[2].isEmpty() ? List.of() : List.of(piece[2]);
      rows.add(
          new ReportRow(
              2,
              sku,
              piece[1],
              1,
              0.0,
              List.of(),
              12,
              failed.size(),
              failed,
              piece[1].equals("FAILED") ? "no product found" : "",
              List.of()));
      if (piece[1].equals("PUBLISHED")) {
        Path image = Files.createDirectories(out.resolve(sku)).resolve("hero-etsy.jpg");
        Files.write(image, TestImages.photo(sku + "_capture_3.jpg"));
        finals.add(new ExportedImage(sku, "hero", "etsy", image, 2000, 2000));
      }
    }
    CatalogFile catalog =
        new CatalogFile(
            "gallery", folder.resolve("gallery.csv"), ShootPolicy.Approval.AUTO, products);

    Path sheet =
        Gallery.write(out, catalog, new RunOutcome(rows, List.of(), finals, Map.of()), Map.of());

    ChromeDriver browser = Browser.headless();
    try {
      browser.get(sheet.toUri().toString());
      assertThat(visibleProducts(browser)).containsExactly("P01", "P03", "P05");
      for (WebElement image : browser.findElements(By.tagName("img"))) {
        Object width = browser.executeScript("return arguments[0].naturalWidth", image);
        assertThat(((Number) width).intValue()).as(image.getAttribute("src")).isPositive();
      }
      Browser.screenshot(browser, "gallery", "all.png");

      browser.findElement(By.cssSelector("button[data-filter=flagged]")).click();
      assertThat(visibleProducts(browser)).containsExactly("P03");
      browser.findElement(By.cssSelector("button[data-filter=not-published]")).click();
      assertThat(visibleProducts(browser)).containsExactly("P05");
      Browser.screenshot(browser, "gallery", "not-published.png");
      browser.findElement(By.cssSelector("button[data-filter=all]")).click();
      assertThat(visibleProducts(browser)).hasSize(3);
    } finally {
      browser.quit();
    }
  }

  private static List<String> visibleProducts(ChromeDriver browser) {
    return browser.findElements(By.cssSelector(".product")).stream()
        .filter(WebElement::isDisplayed)
        .map(p -> p.findElement(By.tagName("h2")).getText().split(" ")[0])
        .toList();
  }
}
