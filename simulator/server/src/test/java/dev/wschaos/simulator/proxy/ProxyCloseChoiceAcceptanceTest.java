package dev.wschaos.simulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.UpstreamClose;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Trigger;
import dev.wschaos.simulator.plan.Upstream;
import dev.wschaos.simulator.support.ChatUpstream;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.TestVertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the upstream sees when a {@code close} fault closes a proxied client: 1001, the same code, or nothing. */
class ProxyCloseChoiceAcceptanceTest {

  private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer good");
  private ChatUpstream upstream;

  @BeforeEach
  void startUpstream() throws Exception {
    upstream = ChatUpstream.start(TestVertx.shared());
  }

  @AfterEach
  void stopUpstream() throws Exception {
    upstream.close();
  }

  private WsChaosServer proxyClosingAfterOneMessage(CloseFault close) {
    return Simulators.start(Plan.named("close-choice")
        .withUpstream(Upstream.to(upstream.url()).forPath("/chat/*"))
        .withRule(Rule.of(Match.ANY, Trigger.afterMessages(1), close)));
  }

  @Test
  void byDefaultTheUpstreamGetsGoingAway() throws Exception {
    try (WsChaosServer server = proxyClosingAfterOneMessage(new CloseFault(1012, "restart"));
         JdkClient client = JdkClient.connect(server.wsUrl("/chat/r"), AUTH, List.of())) {
      client.nextMessage();
      client.send("one");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(1012, "restart"));
      await().untilAsserted(() -> assertThat(upstream.closes())
          .containsExactly(new ChatUpstream.ClosedByPeer((short) 1001, "wschaos: client side ended")));
    }
  }

  @Test
  void sameGivesTheUpstreamTheFaultsCodeAndReason() throws Exception {
    try (WsChaosServer server = proxyClosingAfterOneMessage(
             new CloseFault(1012, "restart").withUpstream(UpstreamClose.SAME));
         JdkClient client = JdkClient.connect(server.wsUrl("/chat/r"), AUTH, List.of())) {
      client.nextMessage();
      client.send("one");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(1012, "restart"));
      await().untilAsserted(() -> assertThat(upstream.closes())
          .containsExactly(new ChatUpstream.ClosedByPeer((short) 1012, "restart")));
    }
  }

  @Test
  void keepLeavesTheUpstreamSessionOpenAndUnreadUntilWschaosStops() throws Exception {
    WsChaosServer server = proxyClosingAfterOneMessage(
        new CloseFault(4000, "kicked").withUpstream(UpstreamClose.KEEP));
    try (server; JdkClient client = JdkClient.connect(server.wsUrl("/chat/r?clientId=kept"), AUTH, List.of())) {
      client.nextMessage();
      upstream.pingOpenSessions();
      await().until(() -> upstream.pongs() == 1);
      client.send("one");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(4000, "kicked"));
      await().untilAsserted(() -> assertThat(server.journal().events())
          .anySatisfy(e -> assertThat(e.type()).isEqualTo(EventType.CLOSED)));
      upstream.pingOpenSessions();
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
          .until(() -> upstream.openSessions() == 1 && upstream.closes().isEmpty() && upstream.pongs() == 1);
    }
    await().untilAsserted(() -> assertThat(upstream.openSessions()).as("closed when wschaos stops").isZero());
  }
}
