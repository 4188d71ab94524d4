package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.fault.handshake.StallFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.server.ServerLimits;
import dev.wschaos.simulator.support.RawClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each client's cost is bounded, and every bound answers the way the protocol says. */
class ResourceLimitsAcceptanceTest {

  private static WsChaosServer server;

  @BeforeAll
  static void start() {
    Plan plan = Plan.named("limits").withRules(List.of(
        Rule.of(new Match("/stall", null, null, null, null, null), StallFault.forever())));
    server = WsChaosServer.builder().plan(plan).closeTimeout(Duration.ofSeconds(1))
        .limits(ServerLimits.defaults().withHandshakeTimeout(Duration.ofSeconds(1)).withMaxMessageSize(1000)).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aHalfSentUpgradeIsClosedWhileAStalledOneAndAnIdleClientStay() throws Exception {
    try (RawClient idle = RawClient.upgraded(server.wsUrl("/ws?clientId=idle"));
         RawClient stalled = RawClient.open(server.wsUrl("/stall"));
         RawClient half = RawClient.open(server.wsUrl("/ws"))) {
      stalled.sendRequest("GET", "/stall", RawClient.upgradeHeaders(server.wsUrl("/stall")));
      half.sendRaw("GET /ws HTTP/1.1\r\nHost: x\r\nUpg");

      assertThat(half.readToEnd(30_000)).isIn(RawClient.End.FIN, RawClient.End.RESET);

      assertThat(stalled.readToEnd(300)).as("the stall fault still holds its request").isEqualTo(RawClient.End.TIMEOUT);
      idle.sendText("still here");
      assertThat(idle.readFrame().text()).isEqualTo("still here");
    }
  }

  @Test
  void aLongRequestLineGets414() throws Exception {
    try (RawClient raw = RawClient.open(server.wsUrl("/"))) {
      URI url = server.wsUrl("/");
      raw.sendRequest("GET", "/" + "a".repeat(5000), RawClient.upgradeHeaders(url));
      assertThat(raw.readResponse().status()).isEqualTo(414);
    }
  }

  @Test
  void aLongQueryGets414WithTheKnob() throws Exception {
    try (RawClient raw = RawClient.open(server.wsUrl("/"))) {
      raw.sendRequest("GET", "/ws?q=" + "a".repeat(3000), RawClient.upgradeHeaders(server.wsUrl("/")));
      RawClient.Response response = raw.readResponse();
      assertThat(response.status()).isEqualTo(414);
      assertThat(response.body()).contains("--max-query-length");
    }
  }

  @Test
  void largeHeadersGet431() throws Exception {
    try (RawClient raw = RawClient.open(server.wsUrl("/"))) {
      Map<String, String> headers = RawClient.upgradeHeaders(server.wsUrl("/"));
      headers.put("X-Padding", "p".repeat(9000));
      raw.sendRequest("GET", "/ws", headers);
      assertThat(raw.readResponse().status()).isEqualTo(431);
    }
  }

  @Test
  void fragmentsOverTheMessageLimitAreClosedWith1009() throws Exception {
    try (RawClient raw = RawClient.upgraded(server.wsUrl("/ws?clientId=fragments"))) {
      raw.sendFrame(false, 0x1, "f".repeat(600).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      raw.sendFrame(true, 0x0, "g".repeat(600).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      RawClient.Frame frame = raw.readFrame();
      assertThat(frame.opcode()).isEqualTo(0x8);
      assertThat(frame.closeCode()).isEqualTo(1009);
    }
  }

  @Test
  void aMessageOverTheLimitIsClosedWith1009() throws Exception {
    try (RawClient raw = RawClient.upgraded(server.wsUrl("/ws?clientId=big"))) {
      raw.sendText("small");
      assertThat(raw.readFrame().text()).isEqualTo("small");
      raw.sendText("b".repeat(2000));
      RawClient.Frame frame = raw.readFrame();
      assertThat(frame.opcode()).isEqualTo(0x8);
      assertThat(frame.closeCode()).isEqualTo(1009);
    }
  }
}
