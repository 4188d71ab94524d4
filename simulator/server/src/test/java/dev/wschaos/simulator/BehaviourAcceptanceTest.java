package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.behaviour.SilentBehaviour;
import dev.wschaos.simulator.behaviour.TickerBehaviour;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.TestVertx;
import dev.wschaos.simulator.support.VertxClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BehaviourAcceptanceTest {

  private static final ObjectMapper JSON = Json.mapper();
  private static final Vertx vertx = TestVertx.shared();

  @Test
  void echoSendsTextAndBinaryBack() throws Exception {
    try (WsChaosServer server = Simulators.start(Plan.healthy());
         JdkClient jdk = JdkClient.connect(server.wsUrl());
         VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
      jdk.send("héllo");
      assertThat(jdk.nextMessage()).isEqualTo("héllo");

      CompletableFuture<Buffer> binary = new CompletableFuture<>();
      vx.webSocket().binaryMessageHandler(binary::complete);
      vx.webSocket().writeBinaryMessage(Buffer.buffer(new byte[] {1, 2, 3, (byte) 0xff}));
      assertThat(binary.get(10, TimeUnit.SECONDS).getBytes()).containsExactly(1, 2, 3, 0xff);
      vx.send("text too");
      assertThat(vx.nextMessage()).isEqualTo("text too");
    }
  }

  @Test
  void silentReadsButNeverAnswersExceptPings() throws Exception {
    try (WsChaosServer server = Simulators.start(Plan.named("silent").withBehaviour(new SilentBehaviour()));
         JdkClient jdk = JdkClient.connect(server.wsUrl());
         RawClient raw = RawClient.open(server.wsUrl())) {
      jdk.send("anyone there?");
      assertThat(jdk.pollMessage(Duration.ofMillis(500))).isNull();

      raw.sendRequest("GET", "/", RawClient.upgradeHeaders(server.wsUrl()));
      assertThat(raw.readResponse().status()).isEqualTo(101);
      raw.sendText("hello");
      raw.sendFrame(0x9, "are you alive".getBytes(StandardCharsets.UTF_8));
      RawClient.Frame pong = raw.readFrame();
      assertThat(pong.opcode()).isEqualTo(0xA);
      assertThat(pong.text()).isEqualTo("are you alive");
    }
  }

  @Test
  void tickerPushesIncreasingSequenceNumbers() throws Exception {
    Plan plan = Plan.named("ticker").withBehaviour(TickerBehaviour.every(Duration.ofMillis(50)));
    try (WsChaosServer server = Simulators.start(plan);
         JdkClient jdk = JdkClient.connect(server.wsUrl("/?clientId=t1"));
         VertxClient vx = VertxClient.connect(vertx, server.wsUrl("/?clientId=t2"))) {
      List<Long> jdkSeqs = new ArrayList<>();
      List<Long> vxSeqs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        JsonNode tick = JSON.readTree(jdk.nextMessage());
        assertThat(tick.get("type").asText()).isEqualTo("tick");
        assertThat(tick.get("ts").asLong()).isPositive();
        jdkSeqs.add(tick.get("seq").asLong());
        vxSeqs.add(JSON.readTree(vx.nextMessage()).get("seq").asLong());
      }
      for (List<Long> seqs : List.of(jdkSeqs, vxSeqs)) {
        for (int i = 1; i < seqs.size(); i++) {
          assertThat(seqs.get(i)).isEqualTo(seqs.get(i - 1) + 1);
        }
      }
    }
  }

  @Test
  void tickerStreamAdvancesWhileAClientIsAwayAndResumeReplaysTheGap() throws Exception {
    Plan plan = Plan.named("ticker").withBehaviour(TickerBehaviour.every(Duration.ofMillis(40)));
    try (WsChaosServer server = Simulators.start(plan)) {
      long lastSeen;
      try (JdkClient first = JdkClient.connect(server.wsUrl("/?clientId=r1"))) {
        first.nextMessage();
        lastSeen = JSON.readTree(first.nextMessage()).get("seq").asLong();
      }
      Thread.sleep(400); // let about 10 ticks pass while the client is away
      try (JdkClient plain = JdkClient.connect(server.wsUrl("/?clientId=r1"))) {
        long next = JSON.readTree(plain.nextMessage()).get("seq").asLong();
        assertThat(next).as("a reconnect without resume sees a gap").isGreaterThan(lastSeen + 5);
      }
      try (VertxClient resumed = VertxClient.connect(vertx, server.wsUrl("/?clientId=r1&lastSeq=" + lastSeen))) {
        long previous = lastSeen;
        for (int i = 0; i < 15; i++) {
          long seq = JSON.readTree(resumed.nextMessage()).get("seq").asLong();
          assertThat(seq).as("resumed stream has no gap").isEqualTo(previous + 1);
          previous = seq;
        }
      }
    }
  }

  static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
