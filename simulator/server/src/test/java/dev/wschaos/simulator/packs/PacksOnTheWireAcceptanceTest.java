package dev.wschaos.simulator.packs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.PlanCatalog;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.Simulators;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packs' frames as a plain JDK client sees them: what the library tests do not reach. */
class PacksOnTheWireAcceptanceTest {

  /** The next STOMP frame, skipping heart-beat EOLs; null after {@code wait}. */
  private static String frame(JdkClient client, Duration wait) throws InterruptedException {
    String message;
    do {
      message = client.pollMessage(wait);
    } while (message != null && message.isBlank());
    return message;
  }

  @Test
  void stompNegotiatesVersionAndAnswersReceiptsAndUnsubscribeStopsTheFeed() throws Exception {
    try (WsChaosServer server = Simulators.start(PlanCatalog.load("stomp"));
         JdkClient stomp = JdkClient.connect(server.wsUrl("/?clientId=s1"), Map.of(), List.of("v11.stomp"))) {
      assertThat(stomp.webSocket().getSubprotocol()).isEqualTo("v11.stomp");
      stomp.send("CONNECT\naccept-version:1.0,1.1\nhost:localhost\nheart-beat:0,1000\n\n\0");
      assertThat(frame(stomp, JdkClient.WAIT)).startsWith("CONNECTED\nversion:1.1\nheart-beat:1000,0\n").endsWith("\0");
      assertThat(stomp.pollMessage(Duration.ofSeconds(3))).as("the server's heart-beat").isEqualTo("\n");

      stomp.send("SUBSCRIBE\ndestination:/queue/a\nreceipt:r1\nid:sub-7\n\n\0");
      assertThat(frame(stomp, JdkClient.WAIT)).isEqualTo("RECEIPT\nreceipt-id:r1\n\n\0");
      assertThat(frame(stomp, JdkClient.WAIT)).isEqualTo("MESSAGE\nsubscription:sub-7\nmessage-id:sub-7-1\n"
          + "destination:/queue/a\ncontent-type:application/json\n\n{\"seq\":1}\0");

      stomp.send("UNSUBSCRIBE\nid:sub-7\nreceipt:r2\n\n\0");
      String next;
      do {
        next = frame(stomp, JdkClient.WAIT);
      } while (next.startsWith("MESSAGE"));
      assertThat(next).isEqualTo("RECEIPT\nreceipt-id:r2\n\n\0");
      assertThat(frame(stomp, Duration.ofMillis(600))).as("no MESSAGE after UNSUBSCRIBE").isNull();

      stomp.send("SEND\ndestination:/queue/a\n\nhello\0");
      stomp.send("SEND\ndestination:/queue/a\nreceipt:r3\n\nreceipt:not-a-header\0");
      assertThat(frame(stomp, JdkClient.WAIT)).as("a SEND without receipt gets nothing").isEqualTo(
          "RECEIPT\nreceipt-id:r3\n\n\0");
      stomp.send("DISCONNECT\nreceipt:r4\n\n\0");
      assertThat(frame(stomp, JdkClient.WAIT)).isEqualTo("RECEIPT\nreceipt-id:r4\n\n\0");
    }
  }

  @Test
  void graphqlWsAcknowledgesAnswersQueriesOnceAndCompleteStopsASubscription() throws Exception {
    try (WsChaosServer server = Simulators.start(PlanCatalog.load("graphql-ws"));
         JdkClient gql = JdkClient.connect(server.wsUrl("/?clientId=g1"), Map.of(), List.of("graphql-transport-ws"))) {
      assertThat(gql.webSocket().getSubprotocol()).isEqualTo("graphql-transport-ws");
      gql.send("{\"type\":\"connection_init\",\"payload\":{}}");
      assertThat(gql.nextMessage()).isEqualTo("{\"type\":\"connection_ack\"}");
      gql.send("{\"type\":\"ping\"}");
      assertThat(gql.nextMessage()).isEqualTo("{\"type\":\"pong\"}");

      gql.send("{\"id\":\"q1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ ok }\"}}");
      assertThat(gql.nextMessage()).isEqualTo("{\"id\":\"q1\",\"type\":\"next\",\"payload\":{\"data\":{\"ok\":true}}}");
      assertThat(gql.nextMessage()).isEqualTo("{\"id\":\"q1\",\"type\":\"complete\"}");

      gql.send("{\"id\":\"s1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { tick { seq } }\"}}");
      assertThat(gql.nextMessage()).isEqualTo(
          "{\"id\":\"s1\",\"type\":\"next\",\"payload\":{\"data\":{\"tick\":{\"seq\":1}}}}");
      gql.send("{\"id\":\"s1\",\"type\":\"complete\"}");
      String late = gql.pollMessage(Duration.ofMillis(600));
      if (late != null) {
        late = gql.pollMessage(Duration.ofMillis(600));
      }
      assertThat(late).as("no next after complete, beyond one already on its way").isNull();
    }
  }
}
