package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.connection.DropFault;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.plan.Trigger;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.Simulators;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The opt-in close notice ({@code ?wschaosNotice=1}) as a JDK client sees it. */
class CloseNoticeAcceptanceTest {

  @Test
  void aClientThatAsksGetsTheNoticeJustBeforeTheCloseFrame() throws Exception {
    try (WsChaosServer server = Simulators.withFault(Trigger.afterMessages(1),
        new CloseFault(1012, "service restart; retry-after=2"));
         JdkClient client = JdkClient.connect(server.wsUrl("/feed?clientId=c1&wschaosNotice=1"))) {
      client.send("hello");
      assertThat(client.nextMessage()).isEqualTo("hello");
      assertThat(client.nextMessage()).isEqualTo(
          "{\"wschaos\":\"close\",\"code\":1012,\"reason\":\"service restart; retry-after=2\",\"retryAfterMs\":2000}");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(1012, "service restart; retry-after=2"));
    }
  }

  @Test
  void aClientThatDoesNotAskSeesOnlyTheCloseFrame() throws Exception {
    try (WsChaosServer server = Simulators.withFault(Trigger.afterMessages(1), new CloseFault(1011, "boom"));
         JdkClient client = JdkClient.connect(server.wsUrl("/feed?clientId=c2"))) {
      client.send("hello");
      assertThat(client.nextMessage()).isEqualTo("hello");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(1011, "boom"));
      assertThat(client.pollMessage(Duration.ofMillis(200))).isNull();
    }
  }

  @Test
  void serverShutdownSendsTheNoticeWith1001() throws Exception {
    WsChaosServer server = Simulators.start(dev.wschaos.simulator.plan.Plan.healthy());
    try (JdkClient client = JdkClient.connect(server.wsUrl("/?wschaosNotice=true"))) {
      client.send("x");
      assertThat(client.nextMessage()).isEqualTo("x");
      server.close();
      assertThat(client.nextMessage()).isEqualTo("{\"wschaos\":\"close\",\"code\":1001,\"reason\":\"server shutting down\"}");
      assertThat(client.awaitClose().code()).isEqualTo(1001);
    } finally {
      server.close();
    }
  }

  /** Compressing a 100-byte notice cost a deflater here and an inflater there, per connection, in a mass close. */
  @Test
  void theNoticeGoesUncompressedWhenPermessageDeflateIsNegotiated() throws Exception {
    Map<String, String> offer = Map.of("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
    try (WsChaosServer server = Simulators.start(dev.wschaos.simulator.plan.Plan.healthy());
         RawClient raw = RawClient.upgraded(server.wsUrl("/?clientId=z&wschaosNotice=1"), offer)) {
      assertThat(raw.handshake().header("Sec-WebSocket-Extensions")).startsWith("permessage-deflate");
      // the client may read its 101 before the server lists the connection that the action picks from
      await().atMost(Duration.ofSeconds(5)).until(() -> server.openConnections() == 1);
      server.act(CloseAction.all(1012, "service restart"));

      RawClient.Frame notice = raw.readFrame();
      assertThat(notice.rsv()).as("RSV1 clear: not compressed").isZero();
      assertThat(notice.text()).isEqualTo("{\"wschaos\":\"close\",\"code\":1012,\"reason\":\"service restart\"}");
      assertThat(raw.readFrame().opcode()).isEqualTo(0x8);
    }
  }

  @Test
  void aDropSendsNoNotice() throws Exception {
    // a raw socket: JDK 17's client may miss a FIN that comes right behind data (see docs/faults.md, drop)
    try (WsChaosServer server = Simulators.withFault(Trigger.afterMessages(1), new DropFault());
         RawClient raw = RawClient.upgraded(server.wsUrl("/?wschaosNotice=1"))) {
      raw.sendText("hello");
      assertThat(raw.readFrame().text()).isEqualTo("hello");
      assertThat(raw.readToEnd(5000)).isEqualTo(RawClient.End.FIN);
    }
  }
}
