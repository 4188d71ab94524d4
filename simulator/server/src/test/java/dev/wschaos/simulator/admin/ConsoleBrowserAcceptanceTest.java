package dev.wschaos.simulator.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.support.HeadlessChromium;
import dev.wschaos.simulator.support.JdkClient;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The web console in Debian's headless Chromium ({@link HeadlessChromium}). Screenshots of the main views go to
 * {@code target/console-screenshots/}.
 */
class ConsoleBrowserAcceptanceTest {

  @RegisterExtension
  static final HeadlessChromium CHROMIUM = new HeadlessChromium(1280, 800);

  private WsChaosServer server;
  private Page page;
  private final List<JdkClient> clients = new ArrayList<>();

  @BeforeEach
  void open() {
    server = Console.start(WsChaosServer.builder(), Plan.named("console-test")
        .withRule(Rule.of(new Match(null, "refused-*", null, null, null, null), RejectFault.status(503))));
    page = Console.open(CHROMIUM, server);
  }

  @AfterEach
  void close() {
    clients.forEach(JdkClient::close);
    if (server != null) {
      server.close();
    }
  }

  @Test
  void clientsConnectingAppearInTheListAndTheLiveFigures() throws Exception {
    page.locator("#tab-connections").click();
    assertThat(page.locator("#conn-count")).hasText("0 open");

    for (int i = 1; i <= 3; i++) {
      clients.add(JdkClient.connect(ws("/feed?clientId=c" + i)));
    }
    long start = System.nanoTime();
    assertThat(page.locator("#connections tbody tr")).hasCount(3);
    long shownMs = (System.nanoTime() - start) / 1_000_000;
    System.out.println("console: 3 connections listed " + shownMs + " ms after the last one connected");
    assertThat(page.locator("#connections tbody")).containsText("c2");
    assertThat(page.locator("#connections tbody tr").first()).containsText("/feed");

    Throwable refused = JdkClient.connectFailure(ws("/feed?clientId=refused-1"));
    assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).isEqualTo(503);
    Console.screenshot(page, "connections.png");

    page.locator("#tab-live").click();
    assertThat(page.locator("#open")).hasText("3");
    assertThat(page.locator("#legend-rejections")).containsText("HTTP 503: 1");
    Console.screenshot(page, "live.png");

    page.locator("#tab-connections").click();
    page.locator("#c-code").fill("4001");
    page.locator("#connections tbody tr", new Page.LocatorOptions().setHasText("c2")).locator("button",
        new Locator.LocatorOptions().setHasText("close")).click();
    assertThat(clients.get(1).awaitClose()).isEqualTo(new JdkClient.Closed(4001, "closed from the console"));
    assertThat(page.locator("#connections tbody tr")).hasCount(2);
    assertThat(clients.get(0).isClosed()).isFalse();
  }

  @Test
  void aBrokenPlanShowsItsProblemsAtTheirLinesAndChangesNothing() throws Exception {
    page.locator("#tab-plan").click();
    assertThat(page.locator("#plan-text")).hasValue(Pattern.compile("name: console-test"));
    page.locator("#plan-text").fill("""
        name: broken
        rules:
          - match: {attempt: 1}
            fault: {type: close, code: 1006}
          - match: {probability: 3.0}
            fault: {type: drop}
        """);
    page.locator("#plan-apply").click();

    assertThat(page.locator("#plan-result")).containsText("not applied");
    assertThat(page.locator("#plan-problems li")).hasCount(2);
    assertThat(page.locator("#plan-problems li").nth(0)).containsText("line 4");
    assertThat(page.locator("#plan-problems li").nth(0)).containsText("1006");
    assertThat(page.locator("#plan-problems li").nth(1)).containsText("line 5");
    assertThat(page.locator("#plan-gutter span.bad")).hasText(new String[] {"4", "5"});
    Console.screenshot(page, "plan-problems.png");

    assertThat(server.plan().name()).isEqualTo("console-test");
    try (JdkClient client = JdkClient.connect(ws("/feed?clientId=c1"))) {
      assertThat(client.isClosed()).isFalse();
    }

    page.locator("#plan-builtin").selectOption("going-away-1001");
    page.locator("#plan-revert").click();
    assertThat(page.locator("#plan-result")).containsText("applied: plan going-away-1001");
    assertThat(page.locator("#plan-problems li")).hasCount(0);
    assertThat(server.plan().name()).isEqualTo("going-away-1001");
  }

  @Test
  void aFleetCloseFromTheConsoleReachesTheClientsWithItsCode() throws Exception {
    for (int i = 1; i <= 3; i++) {
      clients.add(JdkClient.connect(ws("/feed?clientId=fleet-" + i)));
    }
    page.locator("#tab-fleet").click();
    page.locator("#a-type").selectOption("close");
    page.locator("#a-code").fill("1012");
    page.locator("#a-reason").fill("restart from the console");
    page.locator("#a-spread").fill("300ms");
    page.locator("#a-run").click();
    assertThat(page.locator("#confirm")).isVisible();
    assertThat(page.locator("#confirm-body")).containsText("\"code\": 1012");
    Console.screenshot(page, "fleet-confirm.png");
    page.locator("#confirm-ok").click();

    for (JdkClient client : clients) {
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(1012, "restart from the console"));
    }
    assertThat(page.locator("#fleet-result")).containsText("3 selected");
  }

  @Test
  void cancellingTheConfirmationRunsNothing() throws Exception {
    clients.add(JdkClient.connect(ws("/feed?clientId=stay")));
    page.locator("#tab-fleet").click();
    page.locator("#a-type").selectOption("drop");
    page.locator("#a-run").click();
    page.locator("#confirm button[value=cancel]").click();
    assertThat(page.locator("#fleet-result")).hasText("cancelled");
    assertThat(server.openConnections()).isEqualTo(1);
    assertThat(clients.get(0).isClosed()).isFalse();
  }

  @Test
  void theReportAndTheDarkScheme() throws Exception {
    clients.add(JdkClient.connect(ws("/feed?clientId=r1")));
    page.locator("#tab-report").click();
    assertThat(page.frameLocator("#report").locator("#summary")).isVisible();
    Console.screenshot(page, "report.png");

    try (BrowserContext dark = CHROMIUM.newContext(new Browser.NewContextOptions().setColorScheme(ColorScheme.DARK))) {
      Page darkPage = dark.newPage();
      Console.navigate(darkPage, server);
      assertThat(darkPage.locator("#open")).hasText("1");
      Console.screenshot(darkPage, "live-dark.png");
    }
  }

  private URI ws(String pathAndQuery) {
    return server.wsUrl().resolve(pathAndQuery);
  }
}
