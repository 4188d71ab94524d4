package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Trigger;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.TestVertx;
import dev.wschaos.simulator.support.VertxClient;
import io.vertx.core.Vertx;
import java.net.ConnectException;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerLifecycleAcceptanceTest {

  private static final Vertx vertx = TestVertx.shared();

  @Test
  void bindsLoopbackAndAFreePortByDefault() {
    try (WsChaosServer server = WsChaosServer.start(Plan.healthy())) {
      assertThat(server.host()).isEqualTo("127.0.0.1");
      assertThat(server.port()).isPositive();
      assertThat(server.wsUrl("/feed?clientId=c1").toString())
          .isEqualTo("ws://127.0.0.1:" + server.port() + "/feed?clientId=c1");
    }
  }

  @Test
  void closingTheServerClosesEveryClientWith1001() throws Exception {
    WsChaosServer server = Simulators.start(Plan.healthy());
    JdkClient jdk = JdkClient.connect(server.wsUrl());
    VertxClient vx = VertxClient.connect(vertx, server.wsUrl());
    jdk.send("hi");
    assertThat(jdk.nextMessage()).isEqualTo("hi");
    assertThat(server.openConnections()).isEqualTo(2);

    server.close();

    assertThat(jdk.awaitClose()).isEqualTo(new JdkClient.Closed(1001, "server shutting down"));
    assertThat(vx.awaitClose()).isEqualTo(new VertxClient.Closed((short) 1001, "server shutting down"));
    Throwable refused = JdkClient.connectFailure(server.wsUrl());
    assertThat(refused).isInstanceOf(ConnectException.class);
    vx.close();
  }

  @Test
  void replacingThePlanAppliesToTheNextUpgradeAndOpenConnectionsKeepTheirRules() throws Exception {
    Plan closesLater = Plan.named("later").withRule(
        Rule.of(Match.ANY, Trigger.afterMessages(2), new CloseFault(4002, "old plan")));
    try (WsChaosServer server = Simulators.start(closesLater);
         JdkClient before = JdkClient.connect(server.wsUrl())) {
      server.replacePlan(Plan.named("refuse").withRule(Rule.of(Match.ANY, RejectFault.status(503))));
      assertThat(server.plan().name()).isEqualTo("refuse");

      Throwable refused = JdkClient.connectFailure(server.wsUrl());
      assertThat(((WebSocketHandshakeException) refused).getResponse().statusCode()).isEqualTo(503);

      before.send("1");
      before.send("2");
      assertThat(before.awaitClose()).isEqualTo(new JdkClient.Closed(4002, "old plan"));
    }
  }

  @Test
  void anInvalidReplacementIsRefusedWithEveryProblemAndTheRunningPlanStays() throws Exception {
    try (WsChaosServer server = Simulators.start(Plan.healthy())) {
      Plan invalid = Plan.named("broken")
          .withRule(Rule.of(Match.probability(2.0), CloseFault.of(1006)))
          .withRule(Rule.of(Match.ANY, RejectFault.status(200)));
      assertThatThrownBy(() -> server.replacePlan(invalid))
          .isInstanceOf(InvalidPlanException.class)
          .hasMessageContaining("rules[0].match.probability: 2.0 is out of range")
          .hasMessageContaining("rules[0].fault.code: 1006 (abnormal closure) is never sent on the wire")
          .hasMessageContaining("rules[1].fault.status: 200 is out of range")
          .satisfies(e -> assertThat(((InvalidPlanException) e).problems()).hasSize(3));
      assertThat(server.plan().name()).isEqualTo("healthy");
      try (VertxClient client = VertxClient.connect(vertx, server.wsUrl())) {
        client.send("still healthy");
        assertThat(client.nextMessage()).isEqualTo("still healthy");
      }
    }
  }

  @Test
  void anInvalidPlanStartsNothing() {
    Plan invalid = PlanLoader.parse("name: x\n", "inline").withRule(Rule.of(Match.ANY, CloseFault.of(999)));
    assertThatThrownBy(() -> WsChaosServer.start(invalid))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("999 is out of range: allowed are 1000-1003, 1007-1014 and application codes 3000-4999");
  }

  @Test
  void aBusyPortIsAClearError() {
    try (WsChaosServer first = WsChaosServer.start(Plan.healthy())) {
      assertThatThrownBy(() -> WsChaosServer.builder().port(first.port()).closeTimeout(Duration.ofSeconds(1)).start())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("could not listen on 127.0.0.1:" + first.port());
    }
  }
}
