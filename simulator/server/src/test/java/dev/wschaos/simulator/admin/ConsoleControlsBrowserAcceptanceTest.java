package dev.wschaos.simulator.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.TlsClients;
import dev.wschaos.simulator.tls.TlsSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's newer controls in Debian's headless Chromium: half-open per connection, capacity from the fleet
 * view, the plan's timeline and the TLS profile switch, the report's findings first. Screenshots go to
 * {@code target/console-screenshots/} as in {@link ConsoleBrowserAcceptanceTest}.
 */
class ConsoleControlsBrowserAcceptanceTest {

  private static final String TOKEN = "console-controls-token";
  private static final double WAIT_MS = 10_000;
  private static final Duration QUIET = Duration.ofMillis(1500);
  private static final Plan PLAN = PlanLoader.parse("""
      name: console-controls
      timeline:
        - name: early-close
          at: 0s
          action: {type: close, code: 4000, reason: early, match: {clientId: nobody}}
        - name: hourly-restart
          at: 1h
          every: 1h
          action: {type: close, code: 1012, reason: hourly restart, spread: 5s}
        - name: refuse-for-a-while
          at: 2h
          for: 10s
          rules:
            - fault: {type: reject, status: 503}
      """, "test plan", PlanLoader.Format.YAML);

  private static Playwright playwright;
  private static Browser browser;

  private WsChaosServer server;
  private BrowserContext context;
  private Page page;
  private final List<JdkClient> clients = new ArrayList<>();

  @BeforeAll
  static void launchChromium() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(ConsoleBrowserAcceptanceTest.CHROMIUM), "browser tests skipped: no "
        + ConsoleBrowserAcceptanceTest.CHROMIUM + "; install it with: sudo apt-get update && sudo apt-get install -y "
        + "chromium");
    Files.createDirectories(ConsoleBrowserAcceptanceTest.SHOTS);
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(ConsoleBrowserAcceptanceTest.CHROMIUM).setHeadless(true)
        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync")));
  }

  @AfterAll
  static void closeChromium() {
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void open() {
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    start(WsChaosServer.builder());
  }

  private void start(WsChaosServer.Builder builder) {
    if (server != null) {
      server.close();
    }
    server = builder.plan(PLAN).closeTimeout(Duration.ofSeconds(1))
        .admin(AdminSettings.loopback(0).withToken(TOKEN)).start();
    page = context.newPage();
    page.navigate(server.adminUrl() + "/ui#token=" + TOKEN);
    assertThat(page.locator("#status")).containsText("plan console-controls",
        new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MS));
  }

  @AfterEach
  void close() {
    clients.forEach(JdkClient::close);
    if (context != null) {
      context.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aHalfOpenFromTheConsoleLeavesTheClientWithNoDataAndNoClose() throws Exception {
    JdkClient stuck = JdkClient.connect(ws("/feed?clientId=stuck"));
    JdkClient fine = JdkClient.connect(ws("/feed?clientId=fine"));
    clients.addAll(List.of(stuck, fine));
    stuck.send("before");
    assertThat(stuck.nextMessage()).isEqualTo("before");

    page.locator("#tab-connections").click();
    assertThat(page.locator("#connections tbody tr")).hasCount(2,
        new LocatorAssertions.HasCountOptions().setTimeout(WAIT_MS));
    Locator button = page.locator("#connections tbody tr", new Page.LocatorOptions().setHasText("stuck"))
        .locator("button[data-action=half-open]");
    assertThat(button).hasAttribute("aria-label", Pattern.compile("half-open connection \\d+ of stuck"));
    page.screenshot(new Page.ScreenshotOptions().setPath(ConsoleBrowserAcceptanceTest.SHOTS
        .resolve("connections-half-open.png")));
    button.click();
    assertThat(page.locator("#conn-result")).hasText(Pattern.compile("half-open connection \\d+: .*1 selected"),
        new LocatorAssertions.HasTextOptions().setTimeout(WAIT_MS));

    stuck.send("after");
    stuck.ping("anyone?");
    assertThat(stuck.pollMessage(QUIET)).isNull();
    assertThat(stuck.pollPong(Duration.ofMillis(200))).isNull();
    assertThat(stuck.isClosed() || stuck.hasError()).isFalse();
    fine.send("still here");
    assertThat(fine.nextMessage()).isEqualTo("still here");
  }

  @Test
  void aCapacitySetFromTheConsoleRefusesTheNextUpgradeWithItsStatusUntilCleared() throws Exception {
    clients.add(JdkClient.connect(ws("/feed?clientId=first")));
    page.locator("#tab-fleet").click();
    page.locator("#a-type").selectOption("capacity");
    assertThat(page.locator("#a-code")).isHidden();
    page.locator("#l-max").fill("1");
    page.locator("#l-over").selectOption("reject");
    page.locator("#l-retry").fill("7s");
    page.locator("#a-run").click();
    assertThat(page.locator("#confirm")).isVisible();
    assertThat(page.locator("#confirm-body")).containsText("PUT /plan/limits");
    assertThat(page.locator("#confirm-body")).containsText("\"maxConnections\": 1");
    page.screenshot(new Page.ScreenshotOptions().setPath(ConsoleBrowserAcceptanceTest.SHOTS
        .resolve("fleet-capacity-confirm.png")));
    page.locator("#confirm-ok").click();
    assertThat(page.locator("#fleet-result")).containsText("limits now",
        new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MS));
    assertThat(server.plan().name()).isEqualTo("console-controls");

    Throwable refused = JdkClient.connectFailure(ws("/feed?clientId=second"));
    assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).isEqualTo(503);
    assertThat(((WebSocketHandshakeException) refused).getResponse().headers().firstValue("Retry-After"))
        .hasValue("7");

    page.locator("#a-type").selectOption("capacity-clear");
    page.locator("#a-run").click();
    assertThat(page.locator("#confirm-body")).containsText("DELETE /plan/limits");
    page.locator("#confirm-ok").click();
    assertThat(page.locator("#fleet-result")).hasText("no limits now",
        new LocatorAssertions.HasTextOptions().setTimeout(WAIT_MS));
    clients.add(JdkClient.connect(ws("/feed?clientId=second")));
  }

  @Test
  void thePlanViewShowsTheTimelineStepsAndWhenEachFires() {
    page.locator("#tab-plan").click();
    Locator rows = page.locator("#timeline tbody tr");
    assertThat(rows).hasCount(3, new LocatorAssertions.HasCountOptions().setTimeout(WAIT_MS));
    assertThat(page.locator("#timeline-start")).containsText("plan console-controls started at");
    assertThat(rows.nth(0)).containsText("early-close");
    assertThat(rows.nth(0).locator("td").nth(6)).hasText("done");
    assertThat(rows.nth(1)).containsText("hourly-restart");
    assertThat(rows.nth(1)).containsText("1012");
    assertThat(rows.nth(1).locator("td").nth(3)).hasText("1h");
    assertThat(rows.nth(1).locator("td").nth(6)).hasText(Pattern.compile("in 3[56]\\d\\d s \\(.+\\)"));
    assertThat(rows.nth(2)).containsText("503");
    assertThat(rows.nth(2).locator("td").nth(4)).hasText("10s");
    page.screenshot(new Page.ScreenshotOptions().setPath(ConsoleBrowserAcceptanceTest.SHOTS
        .resolve("plan-timeline.png")).setFullPage(true));
  }

  @Test
  void aTlsSwitchFromTheConsoleChangesWhatATlsClientSees() throws Exception {
    start(WsChaosServer.builder().tls(TlsSettings.port(0)));
    HttpClient trusting = HttpClient.newBuilder()
        .sslContext(TlsClients.context(server.tls().trustStore(), null)).build();
    URI wss = server.wssUrl("/feed?clientId=tls");
    JdkClient.connect(trusting, wss).close();

    page.locator("#tab-plan").click();
    assertThat(page.locator("#tls-profile")).isEnabled(new LocatorAssertions.IsEnabledOptions().setTimeout(WAIT_MS));
    assertThat(page.locator("#tls-reason")).hasText("in force: valid");
    page.locator("#tls-profile").selectOption("expired");
    page.locator("#tls-apply").click();
    assertThat(page.locator("#tls-reason")).containsText("in force: expired",
        new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MS));

    Throwable expired = JdkClient.connectFailure(HttpClient.newBuilder()
        .sslContext(TlsClients.context(server.tls().trustStore(), null)).build(), wss);
    assertThat(expired).isInstanceOf(SSLHandshakeException.class)
        .hasStackTraceContaining("CertificateExpiredException");
    assertThat(server.plan().name()).isEqualTo("console-controls");

    page.locator("#tls-profile").selectOption("valid");
    page.locator("#tls-apply").click();
    assertThat(page.locator("#tls-reason")).containsText("in force: valid",
        new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MS));
    JdkClient.connect(HttpClient.newBuilder().sslContext(TlsClients.context(server.tls().trustStore(), null))
        .build(), wss).close();
  }

  @Test
  void withoutTlsTheSwitchIsOffAndSaysWhy() {
    page.locator("#tab-plan").click();
    assertThat(page.locator("#tls-reason")).containsText("started without TLS",
        new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MS));
    assertThat(page.locator("#tls-profile")).isDisabled();
    assertThat(page.locator("#tls-apply")).isDisabled();
  }

  @Test
  void theReportShowsFindingsFirst() throws Exception {
    clients.add(JdkClient.connect(ws("/feed?clientId=r1")));
    page.locator("#tab-report").click();
    Locator first = page.frameLocator("#report").locator("body > section").first();
    assertThat(first).hasAttribute("id", "findings", new LocatorAssertions.HasAttributeOptions().setTimeout(WAIT_MS));
    assertThat(first.locator("h2")).hasText("Findings");
    page.screenshot(new Page.ScreenshotOptions().setPath(ConsoleBrowserAcceptanceTest.SHOTS
        .resolve("report-findings.png")));
  }

  private URI ws(String pathAndQuery) {
    return server.wsUrl().resolve(pathAndQuery);
  }
}
