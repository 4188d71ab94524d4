package dev.wschaos.simulator.dsl;

import static dev.wschaos.simulator.message.MessageMatch.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.junit.WsChaosTest;
import dev.wschaos.simulator.support.JdkClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code chaos.stomp()} and {@code chaos.graphqlWs()} against the packs, with raw frames from a JDK client: attempt 1
 * meets the fault, attempt 2 of the same client gets the healthy pack.
 */
class PackFaultVerbsAcceptanceTest {

  private static final String CONNECT = "CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:0,0\n\n\0";
  private static final String SUBSCRIBE = "SUBSCRIBE\nid:0\ndestination:/topic/prices\n\n\0";
  private static final String INIT = "{\"type\":\"connection_init\",\"payload\":{}}";
  private static final String ACK = "{\"type\":\"connection_ack\"}";
  private static final String SUBSCRIPTION =
      "{\"id\":\"s1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { tick { seq } }\"}}";

  /** The next STOMP frame, skipping heart-beat EOLs; null after {@code wait}. */
  private static String frame(JdkClient client, Duration wait) throws InterruptedException {
    String message;
    do {
      message = client.pollMessage(wait);
    } while (message != null && message.isBlank());
    return message;
  }

  private static String frame(JdkClient client) throws InterruptedException {
    String frame = frame(client, JdkClient.WAIT);
    assertThat(frame).as("a frame within " + JdkClient.WAIT).isNotNull();
    return frame;
  }

  @Nested
  @WsChaosTest(plan = "stomp")
  class Stomp {

    private JdkClient connect(WsChaosServer server, String clientId) throws Exception {
      return JdkClient.connect(server.wsUrl("/?clientId=" + clientId), Map.of(), List.of("v12.stomp"));
    }

    @Test
    void withholdConnectedThenHealthy(Chaos chaos, WsChaosServer server) throws Exception {
      chaos.stomp().forClient("s1").attempt(1).withholdConnected();
      try (JdkClient first = connect(server, "s1")) {
        first.send(CONNECT);
        first.send("SEND\ndestination:/a\nreceipt:r1\n\nhi\0");
        assertThat(frame(first)).as("no CONNECTED before the receipt").isEqualTo("RECEIPT\nreceipt-id:r1\n\n\0");
      }
      try (JdkClient second = connect(server, "s1")) {
        second.send(CONNECT);
        assertThat(frame(second)).startsWith("CONNECTED\nversion:1.2\n");
      }
    }

    @Test
    void errorOnSubscribeSendsAnErrorFrameAndCloses1002ThenHealthy(Chaos chaos, WsChaosServer server) throws Exception {
      chaos.stomp().forClient("s2").attempt(1).errorOnSubscribe("access denied: /topic/prices");
      try (JdkClient first = connect(server, "s2")) {
        first.send(CONNECT);
        assertThat(frame(first)).startsWith("CONNECTED\n");
        first.send(SUBSCRIBE);
        assertThat(frame(first)).isEqualTo("ERROR\nmessage:access denied\\c /topic/prices\ncontent-type:text/plain"
            + "\n\naccess denied: /topic/prices\0");
        assertThat(first.awaitClose()).isEqualTo(new JdkClient.Closed(1002, "stomp error"));
      }
      try (JdkClient second = connect(server, "s2")) {
        second.send(CONNECT);
        assertThat(frame(second)).startsWith("CONNECTED\n");
        second.send(SUBSCRIBE);
        assertThat(frame(second)).startsWith("MESSAGE\nsubscription:0\n");
      }
    }

    @Test
    void delayConnectedAndSkipMessages(Chaos chaos, WsChaosServer server) throws Exception {
      chaos.stomp().forClient("s3").attempt(1).delayConnected(Duration.ofMillis(400));
      chaos.stomp().forClient("s4").attempt(1).skipMessages(2);
      try (JdkClient late = connect(server, "s3"); JdkClient gappy = connect(server, "s4")) {
        late.send(CONNECT);
        late.send("SEND\ndestination:/a\nreceipt:r1\n\nhi\0");
        assertThat(frame(late)).isEqualTo("RECEIPT\nreceipt-id:r1\n\n\0");
        assertThat(frame(late)).as("late, but it comes").startsWith("CONNECTED\n");
        gappy.send(CONNECT);
        assertThat(frame(gappy)).startsWith("CONNECTED\n");
        gappy.send(SUBSCRIBE);
        assertThat(frame(gappy)).startsWith("MESSAGE\n").contains("message-id:0-3\n").endsWith("{\"seq\":3}\0");
      }
      try (JdkClient second = connect(server, "s3")) {
        second.send(CONNECT);
        second.send("SEND\ndestination:/a\nreceipt:r1\n\nhi\0");
        assertThat(frame(second)).startsWith("CONNECTED\n");
      }
    }

    @Test
    void stopHeartbeatsSilencesTheEols(Chaos chaos, WsChaosServer server) throws Exception {
      chaos.stomp().forClient("s5").attempt(1).stopHeartbeats();
      try (JdkClient first = connect(server, "s5")) {
        first.send(CONNECT);
        assertThat(first.nextMessage()).startsWith("CONNECTED\n");
        assertThat(first.pollMessage(Duration.ofMillis(1500))).as("no heart-beat for over a period").isNull();
      }
      try (JdkClient second = connect(server, "s5")) {
        second.send(CONNECT);
        assertThat(second.nextMessage()).startsWith("CONNECTED\n");
        assertThat(second.nextMessage()).as("heart-beat").isEqualTo("\n");
      }
    }
  }

  @Nested
  @WsChaosTest(plan = "graphql-ws")
  class GraphqlWs {

    private JdkClient connect(WsChaosServer server, String clientId) throws Exception {
      return JdkClient.connect(server.wsUrl("/?clientId=" + clientId), Map.of(), List.of("graphql-transport-ws"));
    }

    @Test
    void withholdAckThenRejectInit4403ThenHealthy(Chaos chaos, WsChaosServer server) throws Exception {
      chaos.graphqlWs().forClient("g1").attempt(1).withholdAck();
      chaos.graphqlWs().forClient("g1").attempt(2).rejectInit(4403);
      try (JdkClient first = connect(server, "g1")) {
        first.send(INIT);
        first.send("{\"type\":\"ping\"}");
        assertThat(first.nextMessage()).as("no connection_ack").isEqualTo("{\"type\":\"pong\"}");
      }
      try (JdkClient second = connect(server, "g1")) {
        second.send(INIT);
        assertThat(second.awaitClose()).isEqualTo(new JdkClient.Closed(4403, "Forbidden"));
        assertThat(second.pollMessage(Duration.ZERO)).as("closed instead of acknowledging").isNull();
      }
      try (JdkClient third = connect(server, "g1")) {
        third.send(INIT);
        assertThat(third.nextMessage()).isEqualTo(ACK);
      }
    }

    @Test
    void closeWithTheProtocolsCodesAtAMoment(Chaos chaos, WsChaosServer server) throws Exception {
      chaos.graphqlWs().forClient("g2").attempt(1).after(Duration.ofMillis(100)).closeWith(4500);
      chaos.graphqlWs().forClient("g3").attempt(1).onMessage(json("type", "subscribe")).closeWith(4409);
      try (JdkClient failing = connect(server, "g2"); JdkClient duplicate = connect(server, "g3")) {
        assertThat(failing.awaitClose()).isEqualTo(new JdkClient.Closed(4500, "Internal server error"));
        duplicate.send(INIT);
        assertThat(duplicate.nextMessage()).isEqualTo(ACK);
        duplicate.send(SUBSCRIPTION);
        assertThat(duplicate.awaitClose()).isEqualTo(new JdkClient.Closed(4409, "Subscriber already exists"));
      }
      try (JdkClient second = connect(server, "g2")) {
        second.send(INIT);
        assertThat(second.nextMessage()).isEqualTo(ACK);
        second.send(SUBSCRIPTION);
        assertThat(second.nextMessage()).startsWith("{\"id\":\"s1\",\"type\":\"next\"");
        assertThat(second.isClosed()).isFalse();
      }
    }

    @Test
    void errorOnSubscribeAndSkipNext(Chaos chaos, WsChaosServer server) throws Exception {
      chaos.graphqlWs().forClient("g4").attempt(1).errorOnSubscribe("not \"allowed\"");
      chaos.graphqlWs().forClient("g5").attempt(1).skipNext(1);
      try (JdkClient refused = connect(server, "g4"); JdkClient gappy = connect(server, "g5")) {
        refused.send(INIT);
        assertThat(refused.nextMessage()).isEqualTo(ACK);
        refused.send(SUBSCRIPTION);
        assertThat(refused.nextMessage())
            .isEqualTo("{\"id\":\"s1\",\"type\":\"error\",\"payload\":[{\"message\":\"not \\\"allowed\\\"\"}]}");
        gappy.send(INIT);
        assertThat(gappy.nextMessage()).isEqualTo(ACK);
        gappy.send(SUBSCRIPTION);
        assertThat(gappy.nextMessage()).contains("{\"seq\":2}");
      }
      try (JdkClient second = connect(server, "g4")) {
        second.send(INIT);
        assertThat(second.nextMessage()).isEqualTo(ACK);
        second.send(SUBSCRIPTION);
        assertThat(second.nextMessage()).startsWith("{\"id\":\"s1\",\"type\":\"next\"");
      }
    }

    @Test
    void aCodeTheProtocolDoesNotHaveIsRefusedWithTheCodesItHas(Chaos chaos, WsChaosServer server) {
      assertThatThrownBy(() -> chaos.graphqlWs().closeWith(4000))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("4000 is not a graphql-transport-ws close code: use one of [4400, 4401, 4403, 4406, 4408, "
              + "4409, 4429, 4500], or closeWith(code, reason) for any other");
      assertThat(server.plan().rules()).isEmpty();
    }
  }
}
