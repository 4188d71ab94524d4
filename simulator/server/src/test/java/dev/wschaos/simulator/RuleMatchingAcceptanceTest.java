package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.match.AttemptRange;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanCatalog;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.TestVertx;
import dev.wschaos.simulator.support.VertxClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleMatchingAcceptanceTest {

  private static final Vertx vertx = TestVertx.shared();

  @Test
  void flakyReconnectScriptsEachAttemptOfEachClient() throws Exception {
    try (WsChaosServer server = Simulators.start(PlanCatalog.load("flaky-reconnect"))) {
      // client a, JDK: 503 with Retry-After, then 1011 after 3 messages, then healthy
      Throwable first = JdkClient.connectFailure(server.wsUrl("/?clientId=a"));
      assertThat(((WebSocketHandshakeException) first).getResponse().statusCode()).isEqualTo(503);
      assertThat(((WebSocketHandshakeException) first).getResponse().headers().firstValue("Retry-After")).hasValue("1");
      try (JdkClient second = JdkClient.connect(server.wsUrl("/?clientId=a"))) {
        for (int i = 0; i < 3; i++) {
          second.send("m" + i);
          assertThat(second.nextMessage()).isEqualTo("m" + i);
        }
        assertThat(second.awaitClose().code()).isEqualTo(1011);
      }
      try (JdkClient third = JdkClient.connect(server.wsUrl("/?clientId=a"))) {
        for (int i = 0; i < 5; i++) {
          third.send("m" + i);
          assertThat(third.nextMessage()).isEqualTo("m" + i);
        }
        assertThat(third.isClosed()).isFalse();
      }
      // client b, Vert.x, identified by header: its own count starts at 1
      Map<String, String> asB = Map.of("X-Client-Id", "b");
      Throwable bFirst = VertxClient.connectFailure(vertx, server.wsUrl(), asB, List.of());
      assertThat(((UpgradeRejectedException) bFirst).getStatus()).isEqualTo(503);
      try (VertxClient bSecond = VertxClient.connect(vertx, server.wsUrl(), asB, List.of())) {
        bSecond.send("1");
        bSecond.send("2");
        bSecond.send("3");
        assertThat(bSecond.awaitClose().code()).isEqualTo((short) 1011);
      }
    }
  }

  @Test
  void pathAndClientIdGlobsAndQueryRegexSelectConnections() throws Exception {
    Plan plan = Plan.named("select")
        .withRule(Rule.of(new Match("/admin/*", null, null, null, null, null), RejectFault.status(403)))
        .withRule(Rule.of(Match.ANY.withClientId("mobile-*"), RejectFault.status(429)))
        .withRule(Rule.of(new Match(null, null, null, Map.of("region", "eu-.*"), null, null), RejectFault.status(451)));
    try (WsChaosServer server = Simulators.start(plan)) {
      assertThat(jdkStatus(server, "/admin/x")).isEqualTo(403);
      assertThat(jdkStatus(server, "/feed?clientId=mobile-7")).isEqualTo(429);
      assertThat(jdkStatus(server, "/feed?region=eu-west")).isEqualTo(451);
      assertThat(vertxStatus(server, "/admin/y")).isEqualTo(403);
      assertThat(vertxStatus(server, "/feed?region=eu-north")).isEqualTo(451);
      try (JdkClient healthy = JdkClient.connect(server.wsUrl("/feed?clientId=desktop-1&region=us-east"))) {
        healthy.send("ok");
        assertThat(healthy.nextMessage()).isEqualTo("ok");
      }
    }
  }

  @Test
  void attemptRangeCountsFromOnePerClient() throws Exception {
    Plan plan = Plan.named("third-and-later").withRule(
        Rule.of(Match.attempt(AttemptRange.atLeast(3)), RejectFault.status(429)));
    try (WsChaosServer server = Simulators.start(plan)) {
      for (int i = 0; i < 2; i++) {
        JdkClient.connect(server.wsUrl("/?clientId=z")).close();
      }
      assertThat(jdkStatus(server, "/?clientId=z")).isEqualTo(429);
      assertThat(vertxStatus(server, "/?clientId=z")).isEqualTo(429);
      JdkClient.connect(server.wsUrl("/?clientId=other")).close();
    }
  }

  @Test
  void probabilityDrawsRepeatWithTheSameSeed() throws Exception {
    Plan plan = Plan.named("coin").withSeed(42L)
        .withRule(Rule.of(Match.probability(0.5), CloseFault.of(4001)));
    List<Boolean> firstRun = closedPattern(plan, 20);
    List<Boolean> secondRun = closedPattern(plan, 20);
    assertThat(firstRun).isEqualTo(secondRun);
    assertThat(firstRun).contains(true, false);
    assertThat(closedPattern(plan.withSeed(7L), 20)).isNotEqualTo(firstRun);
  }

  private static List<Boolean> closedPattern(Plan plan, int connections) throws Exception {
    List<Boolean> pattern = new ArrayList<>();
    try (WsChaosServer server = Simulators.start(plan)) {
      for (int i = 0; i < connections; i++) {
        try (VertxClient client = VertxClient.connect(vertx, server.wsUrl())) {
          client.send("probe");
          String first = client.nextMessageOrClose();
          pattern.add(first == null);
        }
      }
    }
    return pattern;
  }

  private static int jdkStatus(WsChaosServer server, String pathAndQuery) {
    Throwable failure = JdkClient.connectFailure(server.wsUrl(pathAndQuery));
    return ((WebSocketHandshakeException) failure).getResponse().statusCode();
  }

  private static int vertxStatus(WsChaosServer server, String pathAndQuery) {
    Throwable failure = VertxClient.connectFailure(vertx, server.wsUrl(pathAndQuery));
    return ((UpgradeRejectedException) failure).getStatus();
  }
}
