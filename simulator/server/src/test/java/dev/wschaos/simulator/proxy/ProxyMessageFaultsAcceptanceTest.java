package dev.wschaos.simulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.message.DelayMessagesFault;
import dev.wschaos.simulator.fault.message.DropMessagesFault;
import dev.wschaos.simulator.fault.message.DuplicateMessagesFault;
import dev.wschaos.simulator.fault.message.ReorderMessagesFault;
import dev.wschaos.simulator.fault.shaping.Direction;
import dev.wschaos.simulator.match.AttemptRange;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Upstream;
import dev.wschaos.simulator.support.ChatUpstream;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.TestVertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Message faults on proxied sessions, per message (the conversation's matchers) and per direction: real JDK clients
 * through wschaos to a chat-like upstream that greets with {@code CONNECTED ...} and echoes everything else.
 */
class ProxyMessageFaultsAcceptanceTest {

  private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer good");
  private static ChatUpstream upstream;

  @BeforeAll
  static void startUpstream() throws Exception {
    upstream = ChatUpstream.start(TestVertx.shared());
  }

  @AfterAll
  static void stopUpstream() throws Exception {
    upstream.close();
  }

  private static WsChaosServer proxy(Rule... rules) {
    return Simulators.start(Plan.named("proxy-messages").withSeed(7L)
        .withUpstream(Upstream.to(upstream.url()).forPath("/chat/*"))
        .withRules(List.of(rules)));
  }

  @Test
  void theUpstreamsConnectedIsDroppedOnAttemptOneOnly() throws Exception {
    Rule dropConnected = Rule.of(new Match(null, null, AttemptRange.parse("1"), null, null, null),
        new DropMessagesFault(1.0, MessageMatch.text("^CONNECTED"), null));
    try (WsChaosServer server = proxy(dropConnected)) {
      try (JdkClient first = JdkClient.connect(server.wsUrl("/chat/room1?clientId=m1"), AUTH, List.of())) {
        first.send("MESSAGE hello");
        assertThat(first.nextMessage()).as("CONNECTED dropped, the echo passes").isEqualTo("MESSAGE hello");
      }
      try (JdkClient second = JdkClient.connect(server.wsUrl("/chat/room1?clientId=m1"), AUTH, List.of())) {
        assertThat(second.nextMessage()).startsWith("CONNECTED /chat/room1");
      }
    }
  }

  @Test
  void everyMessageFromTheUpstreamIsHeldAndTheOthersOvertakeIt() throws Exception {
    try (WsChaosServer server = proxy(Rule.of(Match.ANY,
        new DelayMessagesFault(Duration.ofSeconds(1), MessageMatch.text("^MESSAGE"), Direction.OUT)));
         JdkClient client = JdkClient.connect(server.wsUrl("/chat/room1?clientId=d1"), AUTH, List.of())) {
      assertThat(client.nextMessage()).startsWith("CONNECTED");
      long sent = System.nanoTime();
      client.send("MESSAGE one");
      client.send("PLAIN two");
      assertThat(client.nextMessage()).isEqualTo("PLAIN two");
      assertThat(client.nextMessage()).isEqualTo("MESSAGE one");
      assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void inboundSelectionActsOnWhatTheClientSendsToTheUpstream() throws Exception {
    try (WsChaosServer server = proxy(
        Rule.of(Match.ANY, new DropMessagesFault(1.0, MessageMatch.json("type", "lost"), Direction.IN)));
         JdkClient client = JdkClient.connect(server.wsUrl("/chat/room1?clientId=i1"), AUTH, List.of())) {
      assertThat(client.nextMessage()).startsWith("CONNECTED");
      client.send("{\"type\":\"lost\",\"n\":1}");
      client.send("{\"type\":\"kept\",\"n\":2}");
      assertThat(client.nextMessage()).as("echoed by the upstream").isEqualTo("{\"type\":\"kept\",\"n\":2}");
      assertThat(client.pollMessage(Duration.ofMillis(300))).as("the lost one never reached the upstream").isNull();
    }
  }

  @Test
  void inboundDuplicatesReachTheUpstreamTwiceAndOnlyTheMatchedOnes() throws Exception {
    try (WsChaosServer server = proxy(
        Rule.of(Match.ANY, new DuplicateMessagesFault(1.0, MessageMatch.json("type", "order"), Direction.IN)));
         JdkClient client = JdkClient.connect(server.wsUrl("/chat/room1?clientId=p1"), AUTH, List.of())) {
      assertThat(client.nextMessage()).startsWith("CONNECTED");
      client.send("{\"type\":\"order\",\"n\":1}");
      client.send("{\"type\":\"note\",\"n\":2}");
      assertThat(client.nextMessage()).isEqualTo("{\"type\":\"order\",\"n\":1}");
      assertThat(client.nextMessage()).as("the upstream got the order twice").isEqualTo("{\"type\":\"order\",\"n\":1}");
      assertThat(client.nextMessage()).isEqualTo("{\"type\":\"note\",\"n\":2}");
      assertThat(client.pollMessage(Duration.ofMillis(300))).isNull();
    }
  }

  @Test
  void outboundReorderSwapsTheUpstreamsMatchedMessages() throws Exception {
    try (WsChaosServer server = proxy(Rule.of(Match.ANY,
        new ReorderMessagesFault(2, Duration.ofSeconds(5), MessageMatch.text("^MESSAGE"), Direction.OUT)));
         JdkClient client = JdkClient.connect(server.wsUrl("/chat/room1?clientId=p2"), AUTH, List.of())) {
      assertThat(client.nextMessage()).startsWith("CONNECTED");
      client.send("MESSAGE one");
      client.send("PLAIN two");
      client.send("MESSAGE three");
      assertThat(client.nextMessage()).as("not held").isEqualTo("PLAIN two");
      assertThat(client.nextMessage()).isEqualTo("MESSAGE three");
      assertThat(client.nextMessage()).isEqualTo("MESSAGE one");
    }
  }
}
