package dev.wschaos.scenarios.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.scenarios.client.ClientLedger;
import dev.wschaos.scenarios.policy.ReconnectPolicy;
import dev.wschaos.simulator.WsChaosServer;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code gateway-down-502}'s minimum-delay SLO tells a client that retries hot from one that backs off: one JDK
 * WebSocket client per policy goes through the scenario's plan on an embedded simulator (502, 502, 502, 200, then
 * connected), waiting what its policy says between attempts; the report is asked for as the scenario asks for it.
 */
class GatewayDownSloTest {

  private static final ChaosScenario SCENARIO = ScenarioCatalog.get("gateway-down-502");

  @Test
  void immediateRetriesFailTheSlo() throws Exception {
    Slo.Result result = run(ReconnectPolicy.immediate());

    assertThat(result.failed()).as(result.observed()).isTrue();
    assertThat(result.observed()).contains("1 of 1 clients with retried-too-fast")
        .contains("under the minimum of 200 ms");
  }

  @Test
  void theScenariosBackoffPassesIt() throws Exception {
    Slo.Result result = run(SCENARIO.policy());

    assertThat(result.passed()).as(result.observed()).isTrue();
    assertThat(result.observed()).contains("0 of 1 clients");
  }

  private static Slo.Result run(ReconnectPolicy policy) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (WsChaosServer server = WsChaosServer.builder().plan(SCENARIO.plan()).start()) {
      List<Integer> refusals = new java.util.ArrayList<>();
      Random random = new Random(42);
      long previous = 0;
      WebSocket connected = null;
      for (int attempt = 1; connected == null; attempt++) {
        assertThat(attempt).as("attempts before connecting").isLessThanOrEqualTo(5);
        try {
          connected = http.newWebSocketBuilder()
              .buildAsync(server.wsUrl("/" + SCENARIO.name() + "?clientId=c1"), new WebSocket.Listener() {})
              .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
          refusals.add(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
          previous = policy.backoff().delayMillis(attempt, previous, random::nextDouble);
          CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(previous, TimeUnit.MILLISECONDS))
              .get();
        }
      }
      connected.abort();
      assertThat(refusals).containsExactly(502, 502, 502, 200);

      ReconnectFacts facts = ReconnectFacts.of(server.reconnectReport(SCENARIO.reportQuery()));
      Slo slo = SCENARIO.slos().stream().filter(s -> s.name().equals("not-retried-too-fast")).findFirst()
          .orElseThrow();
      return slo.evaluate(new RunFacts(1, new ClientLedger().snapshot(), "test", List.of(1), facts));
    }
  }
}
