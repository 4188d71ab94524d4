package dev.wschaos.scenarios.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wschaos.scenarios.client.ClientLedger;
import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.analytics.ReportJson;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.plan.Plan;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator-side SLOs judge the report JSON the simulator really writes ({@code ReportJson}), from real attempts:
 * three clients connect, the fleet is closed with 1012 advising a 3 s wait; {@code early} comes back at once, the
 * other two after the advised delay.
 */
class SimulatorSlosTest {

  /** Long enough that the early client comes back before it on a loaded machine. */
  private static final long ADVISED_MILLIS = 3000;
  private static String report;

  @BeforeAll
  static void runTheFleet() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (WsChaosServer server = WsChaosServer.builder().plan(Plan.healthy()).start()) {
      List<String> clients = List.of("early", "patient-1", "patient-2");
      List<CompletableFuture<Integer>> closed = new java.util.ArrayList<>();
      List<WebSocket> sockets = new java.util.ArrayList<>();
      for (String client : clients) {
        CompletableFuture<Integer> code = new CompletableFuture<>();
        closed.add(code);
        sockets.add(http.newWebSocketBuilder().buildAsync(server.wsUrl("/feed?clientId=" + client), new WebSocket.Listener() {
          @Override
          public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            code.complete(statusCode);
            return null;
          }
        }).get(10, TimeUnit.SECONDS));
      }

      // a client may read its 101 before the server lists the connection: a fleet action picks from that list
      await().atMost(Duration.ofSeconds(10)).until(() -> server.openConnections() == clients.size());
      server.act(CloseAction.all(1012, "service restart; retry-after=" + ADVISED_MILLIS / 1000));
      for (CompletableFuture<Integer> code : closed) {
        assertThat(code.get(10, TimeUnit.SECONDS)).isEqualTo(1012);
      }
      sockets.forEach(WebSocket::abort);
      long closedAt = System.nanoTime();

      List<WebSocket> back = new java.util.ArrayList<>();
      back.add(connect(http, server, "early"));
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt);
      // the patient clients' backoff: the advised delay and a margin
      CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(
          Math.max(0, ADVISED_MILLIS + 200 - waited), TimeUnit.MILLISECONDS)).get();
      back.add(connect(http, server, "patient-1"));
      back.add(connect(http, server, "patient-2"));

      report = ReportJson.toJson(server.reconnectReport());
      back.forEach(WebSocket::abort);
    }
  }

  private static WebSocket connect(HttpClient http, WsChaosServer server, String client) throws Exception {
    return http.newWebSocketBuilder().buildAsync(server.wsUrl("/feed?clientId=" + client), new WebSocket.Listener() {})
        .get(10, TimeUnit.SECONDS);
  }

  private static RunFacts facts(ReconnectFacts reconnects) {
    return new RunFacts(3, new ClientLedger().snapshot(), "test", List.of(3), reconnects);
  }

  @Test
  void readsTheReportTheSimulatorWrites() {
    ReconnectFacts r = ReconnectFacts.parse(report);

    assertThat(r.clients()).isEqualTo(3);
    assertThat(r.attempts()).isEqualTo(6);
    assertThat(r.clientsWith("retried-before-advised-delay")).isEqualTo(1);
    assertThat(r.examples().get("retried-before-advised-delay")).startsWith("early: ");
    assertThat(r.clientsWith("reconnected-after-terminal-close")).isZero();
    assertThat(r.eventsWithLosses()).singleElement().satisfies(e -> {
      assertThat(e.lost()).isEqualTo(3);
      assertThat(e.recovered()).isEqualTo(3);
      assertThat(e.p100Millis()).isGreaterThanOrEqualTo(ADVISED_MILLIS);
    });
    assertThatThrownBy(() -> ReconnectFacts.parse("[1]")).hasMessageContaining("not a reconnect report");
  }

  @Test
  void recoveryAndHerdSlosJudgeEachEventThatCostClients() {
    RunFacts f = facts(ReconnectFacts.parse(report));
    long p100 = f.reconnects().eventsWithLosses().get(0).p100Millis();

    assertThat(Slo.recoveryWithin(100, p100).evaluate(f).passed()).isTrue();
    Slo.Result slow = Slo.recoveryWithin(100, ADVISED_MILLIS - 1).evaluate(f);
    assertThat(slow.failed()).isTrue();
    assertThat(slow.observed()).contains("close 1012").contains("3 lost, 3 back");
    assertThat(Slo.herdRatioAtMost(1.0).evaluate(f).passed()).isTrue();
  }

  @Test
  void findingSlosNameTheFirstOffender() {
    RunFacts f = facts(ReconnectFacts.parse(report));
    Slo.Result advice = Slo.advisedDelaysHonoured().evaluate(f);
    assertThat(advice.failed()).isTrue();
    assertThat(advice.observed()).contains("1 of 3 clients").contains("early: ");
    assertThat(Slo.noReconnectAfterTerminalClose().evaluate(f).passed()).isTrue();
  }

  @Test
  void withoutFleetEventsTheRecoverySloFails() {
    ReconnectFacts none = ReconnectFacts.parse("{\"summary\": {\"clients\": 3}}");
    assertThat(Slo.recoveryWithin(99, 3_000).evaluate(facts(none)).failed()).isTrue();
  }

  @Test
  void withoutTheSimulatorASloIsSkippedNotPassed() {
    Slo.Result skipped = Slo.recoveryWithin(99, 3_000).evaluate(facts(null));

    assertThat(skipped.outcome()).isEqualTo(Slo.Outcome.SKIPPED);
    assertThat(skipped.passed()).isFalse();
    assertThat(skipped.failed()).isFalse();
    assertThat(skipped.observed()).contains("-Dadmin=");
    assertThat(Slo.advisedDelaysHonoured().evaluate(facts(null)).skipped()).isTrue();
    Slo.Result remote = Slo.fleetConnected(0.9).evaluate(new RunFacts(3, new ClientLedger().snapshot(), null,
        List.of(), null));
    assertThat(remote.skipped()).isTrue();
    assertThat(remote.observed()).doesNotContain("journal exists").contains("-Dadmin=");
  }

  @Test
  void fleetConnectedJudgesEveryNodesCountAgainstEveryInjectorsUsers() {
    Slo slo = Slo.fleetConnected(0.9);
    Slo.Result share = slo.evaluate(new RunFacts(10, new ClientLedger().snapshot(), "3 nodes", List.of(12, 12), null,
        30));
    Slo.Result whole = slo.evaluate(new RunFacts(10, new ClientLedger().snapshot(), "3 nodes", List.of(28, 29), null,
        30));

    assertThat(share.failed()).as("12 open of 30 users, though more than this injector's 10").isTrue();
    assertThat(share.observed()).contains("min 12 of 30");
    assertThat(whole.passed()).isTrue();
  }
}
