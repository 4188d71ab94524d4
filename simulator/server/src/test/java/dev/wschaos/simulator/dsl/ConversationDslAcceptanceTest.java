package dev.wschaos.simulator.dsl;

import static dev.wschaos.simulator.message.MessageMatch.anyBinary;
import static dev.wschaos.simulator.message.MessageMatch.json;
import static dev.wschaos.simulator.message.MessageMatch.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.behaviour.EchoBehaviour;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.junit.WsChaosTest;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.support.JdkClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code chaos.conversation()} writes the same conversation a plan file does, and clients hear it on the wire. */
@WsChaosTest
class ConversationDslAcceptanceTest {

  private static final String HELLO = "{\"type\":\"hello\",\"attempt\":{{attempt}}}";
  private static final String READY = "{\"type\":\"ready\",\"user\":\"{{json.message.user}}\"}";
  private static final String EVENT = "{\"type\":\"event\",\"room\":\"{{json.feed.key}}\",\"seq\":{{feed.seq}}}";

  private static void chat(Chaos chaos) {
    chaos.conversation()
        .subprotocols("chat.v2")
        .onOpen(HELLO)
        .when(json("type", "auth")).reply(READY).ready()
        .when(json("type", "subscribe")).reply("{\"type\":\"subscribed\"}")
            .feed("{{message.room}}", Duration.ofMillis(50), EVENT)
        .when(json("type", "resume")).resume("{{message.room}}", "{{message.lastSeq}}")
        .when(text("^PING (?<id>\\d+)$")).replyAfter(Duration.ofMillis(300), "PONG {{match.id}}").reply("SOON")
        .when(anyBinary()).replyBinary(new byte[] {1, 2, 3})
        .and().unmatchedClose(4003, "unsupported message")
        .closeCodes("graphql-ws");
  }

  @Test
  void theDslBuildsTheConversationThePlanFileDescribes(Chaos chaos, WsChaosServer server) {
    chat(chaos);
    Plan fromFile = PlanLoader.parse("""
        name: chat
        behaviour:
          type: conversation
          subprotocols: [chat.v2]
          onOpen: ['{"type":"hello","attempt":{{attempt}}}']
          on:
            - when: {json: {type: auth}}
              reply: ['{"type":"ready","user":"{{json.message.user}}"}']
              ready: true
            - when: {json: {type: subscribe}}
              reply: ['{"type":"subscribed"}']
              feed: {key: "{{message.room}}", every: 50ms,
                     send: '{"type":"event","room":"{{json.feed.key}}","seq":{{feed.seq}}}'}
            - when: {json: {type: resume}}
              resume: {feed: "{{message.room}}", after: "{{message.lastSeq}}"}
            - when: {text: '^PING (?<id>\\d+)$'}
              reply: [{text: 'PONG {{match.id}}', delay: 300ms}, SOON]
            - when: {binary: true}
              reply: [{binary: AQID}]
          unmatched: {type: close, code: 4003, reason: unsupported message}
          closeCodes: graphql-ws
        """, "chat.yaml");
    assertThat(Json.mapper().<com.fasterxml.jackson.databind.JsonNode>valueToTree(server.plan().behaviour()))
        .isEqualTo(Json.mapper().<com.fasterxml.jackson.databind.JsonNode>valueToTree(fromFile.behaviour()));
  }

  @Test
  void clientsHearTheStubsOnTheWire(Chaos chaos, WsChaosServer server) throws Exception {
    chat(chaos);
    try (JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=c1"), Map.of(), List.of("chat.v2"))) {
      assertThat(client.webSocket().getSubprotocol()).isEqualTo("chat.v2");
      assertThat(client.nextMessage()).isEqualTo("{\"type\":\"hello\",\"attempt\":1}");
      client.send("{\"type\":\"auth\",\"user\":\"ana \\\"a\\\"\"}");
      assertThat(client.nextMessage()).isEqualTo("{\"type\":\"ready\",\"user\":\"ana \\\"a\\\"\"}");
      client.send("PING 42");
      assertThat(client.nextMessage()).as("the undelayed reply does not wait").isEqualTo("SOON");
      assertThat(client.nextMessage()).isEqualTo("PONG 42");
      client.webSocket().sendBinary(ByteBuffer.wrap(new byte[] {9}), true).join();
      assertThat(client.pollBinary(JdkClient.WAIT)).containsExactly(1, 2, 3);
      client.send("{\"type\":\"subscribe\",\"room\":\"lobby\"}");
      assertThat(client.nextMessage()).isEqualTo("{\"type\":\"subscribed\"}");
      assertThat(client.nextMessage()).isEqualTo("{\"type\":\"event\",\"room\":\"lobby\",\"seq\":1}");
      assertThat(client.nextMessage()).isEqualTo("{\"type\":\"event\",\"room\":\"lobby\",\"seq\":2}");
      client.send("{\"type\":\"nonsense\"}");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(4003, "unsupported message"));
    }
    try (JdkClient again = JdkClient.connect(server.wsUrl("/?clientId=c1"), Map.of(), List.of("chat.v2"))) {
      assertThat(again.nextMessage()).isEqualTo("{\"type\":\"hello\",\"attempt\":2}");
      again.send("{\"type\":\"resume\",\"room\":\"lobby\",\"lastSeq\":2}");
      assertThat(again.nextMessage()).as("replayed from where it left off")
          .isEqualTo("{\"type\":\"event\",\"room\":\"lobby\",\"seq\":3}");
    }
  }

  @Test
  void aStepHandleChangesAndRemovesItsStepAndRulesStay(Chaos chaos, WsChaosServer server) throws Exception {
    ChaosRule rule = chaos.onConnection().forClient("nobody").close(1011);
    ConversationStep ping = chaos.conversation().unmatchedEcho().when(text("^ping$")).reply("pong");
    try (JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=c1"))) {
      client.send("ping");
      assertThat(client.nextMessage()).isEqualTo("pong");
      client.send("other");
      assertThat(client.nextMessage()).as("unmatched: echo").isEqualTo("other");
    }
    assertThat(ping.remove()).isTrue();
    assertThat(ping.remove()).isFalse();
    try (JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=c1"))) {
      client.send("ping");
      assertThat(client.nextMessage()).isEqualTo("ping");
    }
    assertThat(rule.installed()).as("behaviour edits keep the rules").isTrue();
  }

  @Test
  void aBadDefinitionIsRefusedWithTheFieldAndChangesNothing(Chaos chaos, WsChaosServer server) {
    ConversationStubs conversation = chaos.conversation();
    assertThatThrownBy(() -> conversation.when(text("^(PING")))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("behaviour.on[0].when.text: '^(PING' is not a valid regular expression");
    assertThat(server.plan().behaviour()).as("nothing changed").isInstanceOf(EchoBehaviour.class);

    ConversationStep auth = conversation.when(json("type", "auth"));
    assertThatThrownBy(() -> auth.reply("{\"user\":\"{{mesage.user}}\"}"))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("behaviour.on[0].reply[0].text: unknown variable mesage.user in")
        .hasMessageContaining("unknown variable mesage.user");
    assertThat(chaos.conversation().behaviour().on()).containsExactly(auth.step());
  }
}
