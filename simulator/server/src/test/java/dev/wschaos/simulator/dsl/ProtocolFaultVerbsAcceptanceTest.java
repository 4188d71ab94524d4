package dev.wschaos.simulator.dsl;

import static dev.wschaos.simulator.message.MessageMatch.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.junit.WsChaosTest;
import dev.wschaos.simulator.message.Reply;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.support.JdkClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generic protocol-fault verbs, per client and attempt, on a small chat conversation: what attempt 1 hears with
 * the fault, and attempt 2 of the same client without it.
 */
@WsChaosTest
class ProtocolFaultVerbsAcceptanceTest {

  private static final String READY = "{\"type\":\"ready\"}";
  private static final String PONG = "{\"type\":\"pong\"}";
  private static final String SUBSCRIBED = "{\"type\":\"subscribed\"}";

  private WsChaosServer server;
  private Chaos chaos;

  @BeforeEach
  void start(WsChaosServer server, Chaos chaos) {
    this.server = server;
    this.chaos = chaos;
    chaos.conversation()
        .when(json("type", "auth")).reply(READY)
        .when(json("type", "ping")).reply(PONG)
        .when(json("type", "subscribe")).reply(SUBSCRIBED)
            .feed("{{message.room}}", Duration.ofMillis(40), "{{feed.seq}}");
  }

  private JdkClient connect(String clientId) throws Exception {
    return JdkClient.connect(server.wsUrl("/?clientId=" + clientId));
  }

  private static void send(JdkClient client, String type) {
    client.send("{\"type\":\"" + type + "\",\"room\":\"lobby\"}");
  }

  private static List<Integer> events(JdkClient client, int count) throws InterruptedException {
    List<Integer> seqs = new ArrayList<>();
    while (seqs.size() < count) {
      seqs.add(Integer.parseInt(client.nextMessage()));
    }
    return seqs;
  }

  @Test
  void withholdReplyOnAttemptOneOnly() throws Exception {
    chaos.forClient("c1").attempt(1).withholdReply(json("type", "auth"));
    try (JdkClient first = connect("c1")) {
      send(first, "auth");
      send(first, "ping");
      assertThat(first.nextMessage()).as("auth withheld, the connection alive").isEqualTo(PONG);
      assertThat(first.pollMessage(Duration.ofMillis(300))).isNull();
    }
    try (JdkClient second = connect("c1")) {
      send(second, "auth");
      assertThat(second.nextMessage()).isEqualTo(READY);
    }
  }

  @Test
  void errorReplyInsteadOfTheReplyAndNoFeed() throws Exception {
    chaos.forClient("c2").attempt(1).errorReply(json("type", "subscribe"),
        "{\"type\":\"error\",\"room\":\"{{json.message.room}}\"}");
    try (JdkClient first = connect("c2")) {
      send(first, "subscribe");
      assertThat(first.nextMessage()).isEqualTo("{\"type\":\"error\",\"room\":\"lobby\"}");
      send(first, "ping");
      assertThat(first.nextMessage()).as("no subscribed, no event").isEqualTo(PONG);
    }
    try (JdkClient second = connect("c2")) {
      send(second, "subscribe");
      assertThat(second.nextMessage()).isEqualTo(SUBSCRIBED);
      assertThat(second.nextMessage()).matches("\\d+");
    }
  }

  @Test
  void errorReplyThenCloseWithTheProtocolsCode() throws Exception {
    chaos.forClient("c3").attempt(1).errorReply(json("type", "auth"),
        List.of(Reply.text("{\"type\":\"error\",\"code\":401}")), new CloseFault(4401, "unauthorized"));
    try (JdkClient first = connect("c3")) {
      send(first, "auth");
      assertThat(first.nextMessage()).isEqualTo("{\"type\":\"error\",\"code\":401}");
      assertThat(first.awaitClose()).isEqualTo(new JdkClient.Closed(4401, "unauthorized"));
    }
    try (JdkClient second = connect("c3")) {
      send(second, "auth");
      assertThat(second.nextMessage()).isEqualTo(READY);
    }
  }

  @Test
  void delayReplyLetsLaterMessagesOvertake() throws Exception {
    chaos.forClient("c4").attempt(1).delayReply(json("type", "auth"), Duration.ofMillis(400));
    try (JdkClient first = connect("c4")) {
      send(first, "auth");
      send(first, "ping");
      assertThat(first.nextMessage()).isEqualTo(PONG);
      assertThat(first.nextMessage()).as("late, but it comes").isEqualTo(READY);
    }
    try (JdkClient second = connect("c4")) {
      send(second, "auth");
      send(second, "ping");
      assertThat(second.nextMessage()).isEqualTo(READY);
      assertThat(second.nextMessage()).isEqualTo(PONG);
    }
  }

  @Test
  void stopHeartbeatSilencesTheApplicationHeartbeat() throws Exception {
    chaos.conversation().heartbeat("{\"type\":\"hb\"}", Duration.ofMillis(50));
    chaos.forClient("c5").attempt(1).stopHeartbeat();
    try (JdkClient first = connect("c5")) {
      send(first, "ping");
      assertThat(first.nextMessage()).isEqualTo(PONG);
      assertThat(first.pollMessage(Duration.ofMillis(300))).as("no heartbeat").isNull();
    }
    try (JdkClient second = connect("c5")) {
      assertThat(second.nextMessage()).isEqualTo("{\"type\":\"hb\"}");
    }
  }

  @Test
  void feedSkipMakesAGapAndFeedRepeatADuplicate() throws Exception {
    chaos.forClient("c6").attempt(1).feedSkip(2);
    chaos.forClient("c7").attempt(1).feedRepeat(1);
    try (JdkClient skipped = connect("c6"); JdkClient repeated = connect("c7")) {
      send(skipped, "subscribe");
      send(repeated, "subscribe");
      assertThat(skipped.nextMessage()).isEqualTo(SUBSCRIBED);
      assertThat(events(skipped, 2)).containsExactly(3, 4);
      assertThat(repeated.nextMessage()).isEqualTo(SUBSCRIBED);
      assertThat(events(repeated, 3)).containsExactly(1, 1, 2);
    }
    try (JdkClient second = connect("c6")) {
      send(second, "subscribe");
      assertThat(second.nextMessage()).isEqualTo(SUBSCRIBED);
      List<Integer> seqs = events(second, 3);
      assertThat(seqs.get(1)).as("attempt 2: no gap").isEqualTo(seqs.get(0) + 1);
      assertThat(seqs.get(2)).isEqualTo(seqs.get(1) + 1);
    }
  }

  @Test
  void closeWithTheProtocolsCodeAfterAGivenMessage() throws Exception {
    chaos.forClient("c8").attempt(1).onMessage(json("type", "subscribe")).close(4403, "forbidden");
    try (JdkClient first = connect("c8")) {
      send(first, "auth");
      assertThat(first.nextMessage()).isEqualTo(READY);
      send(first, "subscribe");
      assertThat(first.nextMessage()).as("handled, then closed").isEqualTo(SUBSCRIBED);
      assertThat(first.awaitClose()).isEqualTo(new JdkClient.Closed(4403, "forbidden"));
    }
    try (JdkClient second = connect("c8")) {
      send(second, "subscribe");
      assertThat(second.nextMessage()).isEqualTo(SUBSCRIBED);
      assertThat(second.nextMessage()).matches("\\d+");
    }
  }

  @Test
  void aProtocolFaultOnAPlanThatIsNoConversationIsRefused() {
    chaos.use(Plan.healthy());
    assertThatThrownBy(() -> chaos.forClient("c9").attempt(1).withholdReply(json("type", "auth")))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("fault: 'withhold-reply' is a protocol fault: it acts on a conversation, and this "
            + "plan's behaviour is not one");
    assertThat(server.plan().rules()).isEmpty();
  }
}
