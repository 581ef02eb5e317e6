package dev.facet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's chromium and chromedriver, headless; Selenium downloads nothing. */
public final class Browser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium"),
      DRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  /**
   * Skips without the browser, unless {@code FACET_REQUIRE_BROWSER=true} (as in CI) makes that a
   * failure.
   */
  public static ChromeDriver headless() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if ("true".equals(System.getenv("FACET_REQUIRE_BROWSER"))) {
      assertThat(present).as("chromium and chromedriver (FACET_REQUIRE_BROWSER=true)").isTrue();
    }
    Assumptions.assumeTrue(
        present, "No chromium/chromedriver: skipped (apt-get install chromium chromium-driver).");
    ChromeOptions options =
        new ChromeOptions()
            .setBinary(CHROMIUM.toFile())
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1600,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  /** Keeps a screenshot as a test artefact, in {@code target/<folder>/<name>}. */
  public static Path screenshot(ChromeDriver browser, String folder, String name)
      throws IOException {
    Path dir = Files.createDirectories(Path.of("target", folder));
    return Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }
}
