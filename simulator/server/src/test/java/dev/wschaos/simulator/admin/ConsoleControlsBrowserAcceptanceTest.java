package dev.wschaos.simulator.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.support.HeadlessChromium;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.TlsClients;
import dev.wschaos.simulator.tls.TlsSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's newer controls in Debian's headless Chromium: half-open per connection, capacity from the fleet
 * view, the plan's timeline and the TLS profile switch, the report's findings first. Screenshots go to
 * {@code target/console-screenshots/} ({@link Console}).
 */
class ConsoleControlsBrowserAcceptanceTest {

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

  @RegisterExtension
  static final HeadlessChromium CHROMIUM = new HeadlessChromium(1280, 900);

  private WsChaosServer server;
  private Page page;
  private final List<JdkClient> clients = new ArrayList<>();

  @BeforeEach
  void open() {
    start(WsChaosServer.builder());
  }

  private void start(WsChaosServer.Builder builder) {
    if (server != null) {
      server.close();
    }
    server = Console.start(builder, PLAN);
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
  void aHalfOpenFromTheConsoleLeavesTheClientWithNoDataAndNoClose() throws Exception {
    JdkClient stuck = JdkClient.connect(ws("/feed?clientId=stuck"));
    JdkClient fine = JdkClient.connect(ws("/feed?clientId=fine"));
    clients.addAll(List.of(stuck, fine));
    stuck.send("before");
    assertThat(stuck.nextMessage()).isEqualTo("before");

    page.locator("#tab-connections").click();
    assertThat(page.locator("#connections tbody tr")).hasCount(2);
    Locator button = page.locator("#connections tbody tr", new Page.LocatorOptions().setHasText("stuck"))
        .locator("button[data-action=half-open]");
    assertThat(button).hasAttribute("aria-label", Pattern.compile("half-open connection \\d+ of stuck"));
    Console.screenshot(page, "connections-half-open.png");
    button.click();
    assertThat(page.locator("#conn-result")).hasText(Pattern.compile("half-open connection \\d+: .*1 selected"));

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
    Console.screenshot(page, "fleet-capacity-confirm.png");
    page.locator("#confirm-ok").click();
    assertThat(page.locator("#fleet-result")).containsText("limits now");
    assertThat(server.plan().name()).isEqualTo("console-controls");

    Throwable refused = JdkClient.connectFailure(ws("/feed?clientId=second"));
    assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).isEqualTo(503);
    assertThat(((WebSocketHandshakeException) refused).getResponse().headers().firstValue("Retry-After"))
        .hasValue("7");

    page.locator("#a-type").selectOption("capacity-clear");
    page.locator("#a-run").click();
    assertThat(page.locator("#confirm-body")).containsText("DELETE /plan/limits");
    page.locator("#confirm-ok").click();
    assertThat(page.locator("#fleet-result")).hasText("no limits now");
    clients.add(JdkClient.connect(ws("/feed?clientId=second")));
  }

  @Test
  void thePlanViewShowsTheTimelineStepsAndWhenEachFires() {
    page.locator("#tab-plan").click();
    Locator rows = page.locator("#timeline tbody tr");
    assertThat(rows).hasCount(3);
    assertThat(page.locator("#timeline-start")).containsText("plan console-controls started at");
    assertThat(rows.nth(0)).containsText("early-close");
    assertThat(rows.nth(0).locator("td").nth(6)).hasText("done");
    assertThat(rows.nth(1)).containsText("hourly-restart");
    assertThat(rows.nth(1)).containsText("1012");
    assertThat(rows.nth(1).locator("td").nth(3)).hasText("1h");
    assertThat(rows.nth(1).locator("td").nth(6)).hasText(Pattern.compile("in 3[56]\\d\\d s \\(.+\\)"));
    assertThat(rows.nth(2)).containsText("503");
    assertThat(rows.nth(2).locator("td").nth(4)).hasText("10s");
    Console.screenshot(page, "plan-timeline.png", true);
  }

  @Test
  void aTlsSwitchFromTheConsoleChangesWhatATlsClientSees() throws Exception {
    start(WsChaosServer.builder().tls(TlsSettings.port(0)));
    HttpClient trusting = HttpClient.newBuilder()
        .sslContext(TlsClients.context(server.tls().trustStore(), null)).build();
    URI wss = server.wssUrl("/feed?clientId=tls");
    JdkClient.connect(trusting, wss).close();

    page.locator("#tab-plan").click();
    assertThat(page.locator("#tls-profile")).isEnabled();
    assertThat(page.locator("#tls-reason")).hasText("in force: valid");
    page.locator("#tls-profile").selectOption("expired");
    page.locator("#tls-apply").click();
    assertThat(page.locator("#tls-reason")).containsText("in force: expired");

    Throwable expired = JdkClient.connectFailure(HttpClient.newBuilder()
        .sslContext(TlsClients.context(server.tls().trustStore(), null)).build(), wss);
    assertThat(expired).isInstanceOf(SSLHandshakeException.class)
        .hasStackTraceContaining("CertificateExpiredException");
    assertThat(server.plan().name()).isEqualTo("console-controls");

    page.locator("#tls-profile").selectOption("valid");
    page.locator("#tls-apply").click();
    assertThat(page.locator("#tls-reason")).containsText("in force: valid");
    JdkClient.connect(HttpClient.newBuilder().sslContext(TlsClients.context(server.tls().trustStore(), null))
        .build(), wss).close();
  }

  @Test
  void withoutTlsTheSwitchIsOffAndSaysWhy() {
    page.locator("#tab-plan").click();
    assertThat(page.locator("#tls-reason")).containsText("started without TLS");
    assertThat(page.locator("#tls-profile")).isDisabled();
    assertThat(page.locator("#tls-apply")).isDisabled();
  }

  @Test
  void theReportShowsFindingsFirst() throws Exception {
    clients.add(JdkClient.connect(ws("/feed?clientId=r1")));
    page.locator("#tab-report").click();
    Locator first = page.frameLocator("#report").locator("body > section").first();
    assertThat(first).hasAttribute("id", "findings");
    assertThat(first.locator("h2")).hasText("Findings");
    Console.screenshot(page, "report-findings.png");
  }

  private URI ws(String pathAndQuery) {
    return server.wsUrl().resolve(pathAndQuery);
  }
}
