package dev.wschaos.simulator.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's headless Chromium under Playwright (which never downloads a browser here), for one test class: launched
 * before its first test, closed after its last; each test gets a fresh browser context, closed after the test.
 * Without {@code /usr/bin/chromium} the class is skipped with a message saying what to install. Playwright's
 * assertions wait {@link #ASSERTION_TIMEOUT_MS} by default, for a loaded machine.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final HeadlessChromium CHROMIUM = new HeadlessChromium(1280, 800);
 *
 * @Test
 * void showsThePlan() {
 *   Page page = CHROMIUM.newPage();
 *   page.navigate(server.adminUrl() + "/ui");
 *   assertThat(page.locator("#status")).containsText("plan healthy");
 * }
 * }</pre>
 */
public final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

  public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  public static final double ASSERTION_TIMEOUT_MS = 10_000;

  private final int width;
  private final int height;
  private Playwright playwright;
  private Browser browser;
  private BrowserContext context;

  /** Pages of {@code width} x {@code height} CSS pixels. */
  public HeadlessChromium(int width, int height) {
    this.width = width;
    this.height = height;
  }

  @Override
  public void beforeAll(ExtensionContext extension) {
    Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE), "browser tests skipped: no " + EXECUTABLE
        + "; install it with: sudo apt-get update && sudo apt-get install -y chromium");
    PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MS);
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
        .setHeadless(true).setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
  }

  /** A new page in this test's browser context. */
  public Page newPage() {
    if (context == null) {
      context = newContext(new Browser.NewContextOptions());
    }
    return context.newPage();
  }

  /** Another browser context (dark scheme, ...) of this class's page size; the caller closes it. */
  public BrowserContext newContext(Browser.NewContextOptions options) {
    return browser.newContext(options.setViewportSize(width, height));
  }

  @Override
  public void afterEach(ExtensionContext extension) {
    if (context != null) {
      context.close();
      context = null;
    }
  }

  @Override
  public void afterAll(ExtensionContext extension) {
    if (playwright != null) {
      playwright.close();
      playwright = null;
    }
  }
}
