package dev.wschaos.simulator.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.Simulators;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field of a conversation, over real sockets with the JDK's WebSocket client. */
class ConversationAcceptanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static WsChaosServer start(String behaviourYaml) {
    return Simulators.start(PlanLoader.parse("name: conversation\nbehaviour:\n" + behaviourYaml.indent(2),
        "test.yaml", PlanLoader.Format.YAML));
  }

  @Test
  void negotiatesASubprotocolFromTheClientsOfferAndGreetsWithTemplates() throws Exception {
    try (WsChaosServer server = start("""
            type: conversation
            subprotocols: [chat.v2, chat.v1]
            onOpen:
              - '{"client":"{{clientId}}","attempt":{{attempt}},"conn":{{connection.id}},"room":"{{query.room}}",'
              - '{"uuid":"{{random.uuid}}","id":"{{random.id}}","n":{{random.number}},"t":{{now.millis}},"iso":"{{now.iso}}","path":"{{path}}"}'
            """);
         JdkClient client = JdkClient.connect(server.wsUrl("/chat?clientId=c1&room=lobby"), Map.of(),
             List.of("other", "chat.v1", "chat.v2"))) {
      assertThat(client.webSocket().getSubprotocol()).as("the client's first offer the conversation speaks")
          .isEqualTo("chat.v1");
      assertThat(client.nextMessage()).isEqualTo("{\"client\":\"c1\",\"attempt\":1,\"conn\":1,\"room\":\"lobby\",");
      JsonNode values = JSON.readTree(client.nextMessage());
      assertThat(values.get("uuid").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      assertThat(values.get("id").asText()).matches("[0-9a-f]{16}");
      assertThat(values.get("n").asLong()).isNotNegative();
      assertThat(values.get("t").asLong()).isPositive();
      assertThat(values.get("iso").asText()).endsWith("Z");
      assertThat(values.get("path").asText()).isEqualTo("/chat");
    }
  }

  @Test
  void answersByJsonFieldsPointersAndRegexesWithTheMessagesValues() throws Exception {
    try (WsChaosServer server = start("""
            type: conversation
            on:
              - when: {json: {type: auth, /creds/kind: token, meta: {v: 2}}}
                reply: ['{"type":"ready","user":"{{json.message.user}}","v":{{message.meta.v}}}']
              - when: {json: {type: auth}}
                reply: ['{"type":"denied"}']
              - when: {text: "^PING (?<id>\\\\d+)$"}
                reply: ['PONG {{match.id}} {{match.1}} [{{text}}]']
              - when: {binary: true}
                reply: [{binary: AAEC/w==}]
            """);
         JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=c1"))) {
      client.send("{\"type\":\"auth\",\"user\":\"a\\\"b\",\"creds\":{\"kind\":\"token\"},\"meta\":{\"v\":2,\"x\":1}}");
      assertThat(JSON.readTree(client.nextMessage()))
          .isEqualTo(JSON.readTree("{\"type\":\"ready\",\"user\":\"a\\\"b\",\"v\":2}"));
      client.send("{\"type\":\"auth\",\"creds\":{\"kind\":\"password\"},\"meta\":{\"v\":2}}");
      assertThat(client.nextMessage()).isEqualTo("{\"type\":\"denied\"}");
      client.send("PING 42");
      assertThat(client.nextMessage()).isEqualTo("PONG 42 42 [PING 42]");
      client.webSocket().sendBinary(ByteBuffer.wrap(new byte[] {9}), true).join();
      assertThat(client.pollBinary(JdkClient.WAIT)).containsExactly(0, 1, 2, 0xff);
    }
  }

  @Test
  void delayedRepliesComeAfterTheImmediateOnes() throws Exception {
    try (WsChaosServer server = start("""
            type: conversation
            on:
              - when: {text: go}
                reply: [{text: late, delay: 300ms}, soon]
              - when: {text: probe}
                reply: [probed]
            """);
         JdkClient client = JdkClient.connect(server.wsUrl())) {
      client.send("go");
      client.send("probe");
      assertThat(List.of(client.nextMessage(), client.nextMessage(), client.nextMessage()))
          .containsExactly("soon", "probed", "late");
    }
  }

  @Test
  void unmatchedMessagesAreIgnoredEchoedOrCloseTheConnection() throws Exception {
    String steps = """
            on:
              - when: {text: "^known$"}
                reply: [answered]
            """;
    try (WsChaosServer server = start("type: conversation\n" + steps);
         JdkClient client = JdkClient.connect(server.wsUrl())) {
      client.send("unknown");
      client.send("known");
      assertThat(client.nextMessage()).as("the unknown message got nothing").isEqualTo("answered");
    }
    try (WsChaosServer server = start("type: conversation\nunmatched: echo\n" + steps);
         JdkClient client = JdkClient.connect(server.wsUrl())) {
      client.send("unknown");
      assertThat(client.nextMessage()).isEqualTo("unknown");
    }
    try (WsChaosServer server = start("type: conversation\nunmatched: {type: close, code: 4003, reason: unsupported}\n"
        + steps);
         JdkClient client = JdkClient.connect(server.wsUrl())) {
      client.send("known");
      assertThat(client.nextMessage()).isEqualTo("answered");
      client.send("unknown");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(4003, "unsupported"));
    }
  }

  @Test
  void feedsArePerClientAndKeyAndResumeReplaysWhatWasMissedAcrossReconnects() throws Exception {
    try (WsChaosServer server = start("""
            type: conversation
            on:
              - when: {json: {type: sub}}
                reply: ['{"type":"subbed","room":"{{json.message.room}}"}']
                feed: {key: "{{message.room}}", every: 20ms, send: '{"room":"{{feed.key}}","seq":{{feed.seq}},"by":"{{message.by}}"}'}
              - when: {json: {type: resume}}
                resume: {feed: "{{message.room}}", after: "{{message.lastSeq}}"}
            """)) {
      long lastSeen;
      try (JdkClient first = JdkClient.connect(server.wsUrl("/?clientId=c1"))) {
        first.send("{\"type\":\"sub\",\"room\":\"a\",\"by\":\"x\"}");
        assertThat(first.nextMessage()).isEqualTo("{\"type\":\"subbed\",\"room\":\"a\"}");
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          JsonNode event = JSON.readTree(first.nextMessage());
          assertThat(event.get("room").asText()).isEqualTo("a");
          assertThat(event.get("by").asText()).isEqualTo("x");
          seqs.add(event.get("seq").asLong());
        }
        assertThat(seqs).containsExactly(1L, 2L, 3L);
        lastSeen = 3;
      }
      try (JdkClient other = JdkClient.connect(server.wsUrl("/?clientId=c2"))) {
        other.send("{\"type\":\"sub\",\"room\":\"a\"}");
        other.nextMessage();
        assertThat(JSON.readTree(other.nextMessage()).get("seq").asLong()).as("another client's own stream")
            .isEqualTo(1);
      }
      try (JdkClient again = JdkClient.connect(server.wsUrl("/?clientId=c1"))) {
        again.send("{\"type\":\"resume\",\"room\":\"a\",\"lastSeq\":" + lastSeen + "}");
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          seqs.add(JSON.readTree(again.nextMessage()).get("seq").asLong());
        }
        assertThat(seqs).as("replayed from 4 on, then live, without gap")
            .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(4, 13).boxed().toList());
      }
    }
  }

  @Test
  void aServerHeartbeatThatIsNotAnsweredStrikesWithOnMiss() throws Exception {
    String heartbeat = """
            type: conversation
            heartbeat: {send: '{"type":"ping"}', every: 50ms, expect: {json: {type: pong}}, within: %s,
                        onMiss: {type: close, code: 4000, reason: heartbeat timeout}}
            on:
              - when: {json: {type: pong}}
                reply: ['never: the heartbeat takes its pongs']
            """;
    try (WsChaosServer server = start(heartbeat.formatted("150ms"));
         JdkClient silent = JdkClient.connect(server.wsUrl())) {
      assertThat(silent.nextMessage()).isEqualTo("{\"type\":\"ping\"}");
      assertThat(silent.awaitClose()).isEqualTo(new JdkClient.Closed(4000, "heartbeat timeout"));
    }
    try (WsChaosServer server = start(heartbeat.formatted("5s"));
         JdkClient answering = JdkClient.connect(server.wsUrl())) {
      for (int pings = 0; pings < 10; pings++) {
        assertThat(answering.nextMessage()).isEqualTo("{\"type\":\"ping\"}");
        answering.send("{\"type\":\"pong\"}");
      }
      assertThat(answering.isClosed()).as("answered every ping: still open").isFalse();
    }
  }

  @Test
  void anExpectedClientHeartbeatThatStopsStrikesWithOnMiss() throws Exception {
    try (WsChaosServer server = start("""
            type: conversation
            heartbeat: {expect: {text: "^ping$"}, within: 200ms, onMiss: {type: close, code: 4408, reason: idle}}
            unmatched: echo
            """);
         JdkClient client = JdkClient.connect(server.wsUrl())) {
      client.send("ping");
      client.send("hello");
      assertThat(client.nextMessage()).as("heartbeat messages are not echoed").isEqualTo("hello");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(4408, "idle"));
    }
  }
}
