package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.dsl.Chaos;
import dev.wschaos.simulator.fault.shaping.Direction;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.Simulators;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code duplicate-messages} and {@code reorder-messages} with {@code match} and {@code direction}, as
 * {@code drop-messages} takes them: a conversation answers {@code SEND n} with {@code ACK n} and echoes anything
 * else, so a real JDK client tells which way a message was duplicated or reordered, and that the unmatched ones pass.
 */
class MessageSelectionAcceptanceTest {

  private static final String CONVERSATION = """
      name: acks
      behaviour:
        type: conversation
        unmatched: echo
        on:
          - when: {text: "^SEND (?<n>\\\\d+)"}
            reply: ["ACK {{match.n}}"]
      """;

  private static WsChaosServer with(String fault) {
    return Simulators.start(PlanLoader.parse(CONVERSATION + "rules:\n  - fault: " + fault + "\n", "acks.yaml"));
  }

  private static void assertNothingMore(JdkClient client) throws InterruptedException {
    assertThat(client.pollMessage(Duration.ofMillis(300))).isNull();
  }

  @Test
  void duplicateInboundMakesTheServerAnswerTheMatchedMessageTwice() throws Exception {
    try (WsChaosServer server = with("{type: duplicate-messages, probability: 1, match: {text: '^SEND'}, direction: in}");
         JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=d1"))) {
      client.send("SEND 1");
      client.send("NOTE a");
      assertThat(client.nextMessage()).isEqualTo("ACK 1");
      assertThat(client.nextMessage()).as("the server got SEND 1 twice").isEqualTo("ACK 1");
      assertThat(client.nextMessage()).isEqualTo("NOTE a");
      assertNothingMore(client);
    }
  }

  @Test
  void duplicateOutboundActsOnlyOnMatchedServerMessages() throws Exception {
    try (WsChaosServer server = with("{type: duplicate-messages, probability: 1, match: {text: '^ACK'}}");
         JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=d2"))) {
      client.send("NOTE a");
      client.send("SEND 2");
      assertThat(client.nextMessage()).isEqualTo("NOTE a");
      assertThat(client.nextMessage()).isEqualTo("ACK 2");
      assertThat(client.nextMessage()).isEqualTo("ACK 2");
      assertNothingMore(client);
    }
  }

  @Test
  void aMatchOnTheOtherDirectionSelectsNothing() throws Exception {
    try (WsChaosServer server = with("{type: duplicate-messages, probability: 1, match: {text: '^SEND'}, direction: out}");
         JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=d3"))) {
      client.send("SEND 3");
      assertThat(client.nextMessage()).isEqualTo("ACK 3");
      assertNothingMore(client);
    }
  }

  @Test
  void reorderOutboundSwapsTheMatchedWhileTheOthersOvertake() throws Exception {
    try (WsChaosServer server = with("{type: reorder-messages, window: 2, maxHold: 5s, match: {text: '^ACK'}}");
         JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=r1"))) {
      client.send("SEND 1");
      client.send("NOTE a");
      client.send("SEND 2");
      assertThat(client.nextMessage()).as("not held").isEqualTo("NOTE a");
      assertThat(client.nextMessage()).isEqualTo("ACK 2");
      assertThat(client.nextMessage()).isEqualTo("ACK 1");
      assertNothingMore(client);
    }
  }

  @Test
  void reorderInboundMakesTheServerSeeTheMatchedSwapped() throws Exception {
    try (WsChaosServer server = with("{type: reorder-messages, window: 2, maxHold: 5s, match: {text: '^SEND'}, direction: in}");
         JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=r2"))) {
      client.send("SEND 1");
      client.send("NOTE a");
      client.send("SEND 2");
      assertThat(client.nextMessage()).isEqualTo("NOTE a");
      assertThat(client.nextMessage()).as("the server got SEND 2 first").isEqualTo("ACK 2");
      assertThat(client.nextMessage()).isEqualTo("ACK 1");
    }
  }

  @Test
  void reorderBothWaysKeepsAWindowPerDirection() throws Exception {
    try (WsChaosServer server = with("{type: reorder-messages, window: 2, maxHold: 5s, match: {text: '^(SEND|ACK)'}, direction: both}");
         JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=r3"))) {
      client.send("SEND 1");
      client.send("SEND 2");
      assertThat(client.nextMessage()).as("swapped in, then swapped back out").isEqualTo("ACK 1");
      assertThat(client.nextMessage()).isEqualTo("ACK 2");
    }
  }

  @Test
  void theDslVerbsTakeAMatchAndADirection() throws Exception {
    try (WsChaosServer server = Simulators.start(PlanLoader.parse(CONVERSATION, "acks.yaml"))) {
      Chaos chaos = Chaos.of(server);
      chaos.forClient("dsl-dup").duplicateMessages(1.0, MessageMatch.text("^SEND"), Direction.IN);
      chaos.forClient("dsl-reorder").reorderMessages(2, Duration.ofSeconds(5), MessageMatch.text("^ACK"));
      try (JdkClient dup = JdkClient.connect(server.wsUrl("/?clientId=dsl-dup"));
           JdkClient reorder = JdkClient.connect(server.wsUrl("/?clientId=dsl-reorder"))) {
        dup.send("NOTE a");
        dup.send("SEND 1");
        assertThat(dup.nextMessage()).isEqualTo("NOTE a");
        assertThat(dup.nextMessage()).isEqualTo("ACK 1");
        assertThat(dup.nextMessage()).isEqualTo("ACK 1");

        reorder.send("SEND 1");
        reorder.send("NOTE b");
        reorder.send("SEND 2");
        assertThat(reorder.nextMessage()).isEqualTo("NOTE b");
        assertThat(reorder.nextMessage()).isEqualTo("ACK 2");
        assertThat(reorder.nextMessage()).isEqualTo("ACK 1");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"duplicate-messages, probability: 1", "reorder-messages, window: 2"})
  void aBadDirectionOrMatchIsRefusedNamingTheFieldAndWhatIsAllowed(String fault) {
    assertThatThrownBy(() -> PlanLoader.parse("name: bad\nrules:\n  - fault: {type: " + fault
        + ", direction: sideways}\n", "bad.yaml"))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("bad.yaml:3:").hasMessageContaining("rules[0].fault.direction")
        .hasMessageContaining("out").hasMessageContaining("in").hasMessageContaining("both");
    assertThatThrownBy(() -> PlanLoader.parse("name: bad\nrules:\n  - fault: {type: " + fault
        + ", match: {text: '(unclosed'}}\n", "bad.yaml"))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("rules[0].fault.match.text");
  }

  @Test
  void theJsonFormReadsTheSameFaultsAndWritesThemBack() {
    Plan plan = PlanLoader.parse("""
        {"name": "json", "rules": [
          {"fault": {"type": "duplicate-messages", "probability": 0.5, "match": {"json": {"type": "order"}}, "direction": "in"}},
          {"fault": {"type": "reorder-messages", "window": 4, "maxHold": "1s", "match": {"text": "^MESSAGE"}, "direction": "both"}}]}
        """, "plan.json");
    String written = PlanLoader.toJson(plan);
    assertThat(written).containsPattern("\"direction\"\\s*:\\s*\"in\"")
        .containsPattern("\"direction\"\\s*:\\s*\"both\"").contains("^MESSAGE");
    assertThat(PlanLoader.toJson(PlanLoader.parse(written, "again.json"))).isEqualTo(written);
  }
}
