package dev.wschaos.simulator.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.support.HeadlessChromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The web console of a simulator started for a browser test; screenshots go to {@code target/console-screenshots/}. */
final class Console {

  static final Path SHOTS = Path.of("target", "console-screenshots");
  private static final String TOKEN = "console-test-token";

  private Console() {}

  /** {@code builder} with {@code plan}, a short close timeout and the admin API on a free port behind a token. */
  static WsChaosServer start(WsChaosServer.Builder builder, Plan plan) {
    return builder.plan(plan).closeTimeout(Duration.ofSeconds(1))
        .admin(AdminSettings.loopback(0).withToken(TOKEN)).start();
  }

  /** A new page on {@code server}'s console, once it shows the plan in force. */
  static Page open(HeadlessChromium chromium, WsChaosServer server) {
    Page page = chromium.newPage();
    navigate(page, server);
    assertThat(page.locator("#status")).containsText("plan " + server.plan().name());
    return page;
  }

  /** Load {@code server}'s console with the token in {@code page}. */
  static void navigate(Page page, WsChaosServer server) {
    page.navigate(server.adminUrl() + "/ui#token=" + TOKEN);
  }

  static void screenshot(Page page, String file) {
    screenshot(page, file, false);
  }

  static void screenshot(Page page, String file, boolean fullPage) {
    try {
      Files.createDirectories(SHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(file)).setFullPage(fullPage));
  }
}
