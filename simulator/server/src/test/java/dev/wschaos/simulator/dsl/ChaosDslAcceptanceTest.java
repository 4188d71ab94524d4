package dev.wschaos.simulator.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.VertxClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChaosDslAcceptanceTest {

  private static Vertx vertx;
  private WsChaosServer server;
  private Chaos chaos;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    vertx.close();
  }

  @BeforeEach
  void start() {
    server = Simulators.start(Plan.healthy());
    chaos = Chaos.of(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void handshakeRuleForOneClientsFirstAttemptWithRetryAfter() throws Exception {
    chaos.onHandshake().forClient("c1").attempt(1).reject(503).retryAfter(Duration.ofMillis(1500));

    Throwable first = JdkClient.connectFailure(server.wsUrl("/?clientId=c1"));
    WebSocketHandshakeException rejected = (WebSocketHandshakeException) first;
    assertThat(rejected.getResponse().statusCode()).isEqualTo(503);
    assertThat(rejected.getResponse().headers().firstValue("Retry-After")).hasValue("2");
    try (JdkClient second = JdkClient.connect(server.wsUrl("/?clientId=c1"))) {
      second.send("back");
      assertThat(second.nextMessage()).isEqualTo("back");
    }
    try (VertxClient other = VertxClient.connect(vertx, server.wsUrl("/?clientId=c2"))) {
      other.send("unaffected");
      assertThat(other.nextMessage()).isEqualTo("unaffected");
    }
  }

  @Test
  void connectionRuleAfterMessages() throws Exception {
    chaos.afterMessages(3).close(1011, "boom");
    try (VertxClient client = VertxClient.connect(vertx, server.wsUrl())) {
      client.send("1");
      client.send("2");
      client.send("3");
      assertThat(client.awaitClose()).isEqualTo(new VertxClient.Closed((short) 1011, "boom"));
    }
    try (JdkClient client = JdkClient.connect(server.wsUrl())) {
      client.send("1");
      client.send("2");
      client.send("3");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(1011, "boom"));
    }
  }

  @Test
  void theDslBuildsTheSamePlanAFileDescribes() {
    chaos.onHandshake().forClient("c1").attempt(1).reject(503).retryAfter(Duration.ofSeconds(2)).body("warming up");
    chaos.onConnection().onPath("/feed/*").attemptsFrom(2).withProbability(0.5).after(Duration.ofSeconds(5)).drop();

    Plan fromFile = PlanLoader.parse("""
        name: healthy
        rules:
          - name: chaos-1
            match: {clientId: c1, attempt: 1}
            fault: {type: reject, status: 503, headers: {Retry-After: "2"}, body: warming up}
          - name: chaos-2
            match: {path: /feed/*, attempt: "2+", probability: 0.5}
            trigger: {after: 5s}
            fault: {type: drop}
        """, "expected");
    assertThat(PlanLoader.toYaml(chaos.plan())).isEqualTo(PlanLoader.toYaml(fromFile));
  }

  @Test
  void clearRulesMakesTheSimulatorHealthyAgain() throws Exception {
    chaos.onHandshake().reject(429);
    assertThat(((UpgradeRejectedException) VertxClient.connectFailure(vertx, server.wsUrl())).getStatus()).isEqualTo(429);
    chaos.clearRules();
    try (VertxClient client = VertxClient.connect(vertx, server.wsUrl())) {
      client.send("ok");
      assertThat(client.nextMessage()).isEqualTo("ok");
    }
  }

  @Test
  void anInvalidRuleIsRefusedAndTheRunningPlanStays() {
    chaos.onConnection().close(1001);
    assertThatThrownBy(() -> chaos.onConnection().close(1006))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("invalid plan rule 'chaos-")
        .hasMessageContaining("fault.code: 1006 (abnormal closure) is never sent on the wire");
    assertThat(chaos.plan().rules()).hasSize(1);
  }

  @Test
  void aRuleHasOneTrigger() {
    assertThatThrownBy(() -> chaos.afterMessages(2).after(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a rule has one trigger; already set: after 2 messages");
  }
}
