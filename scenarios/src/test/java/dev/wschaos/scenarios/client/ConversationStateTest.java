package dev.wschaos.scenarios.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.MessageTemplate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationStateTest {

  private final ClientLedger ledger = new ClientLedger();

  private static String message(String subscription, long seq) {
    return "MESSAGE\nsubscription:" + subscription + "\nmessage-id:" + subscription + "-" + seq
        + "\ndestination:/topic/prices\ncontent-type:application/json\n\n{\"seq\":" + seq + "}\0";
  }

  private static List<String> texts(List<ConversationState.Outgoing> out) {
    return out.stream().map(ConversationState.Outgoing::text).toList();
  }

  @Test
  void stompIsReadyOnConnectedAndSubscribesThen() {
    ConversationState state = new ConversationState(ConversationPresets.stomp(), ledger, "c1");

    List<ConversationState.Outgoing> open = state.opened(1_000, 1_040, false);
    assertThat(open).extracting(ConversationState.Outgoing::kind).containsExactly("open");
    assertThat(open.get(0).text()).startsWith("CONNECT\naccept-version:1.2\n").contains("login:c1\n").endsWith("\0");
    assertThat(state.ready()).isFalse();
    assertThat(state.received("\n", 1_050)).isEmpty();     // a server heart-beat: no answer, not ready

    List<ConversationState.Outgoing> out = state.received("CONNECTED\nversion:1.2\nheart-beat:1000,0\n\n\0", 1_100);

    assertThat(state.ready()).isTrue();
    assertThat(texts(out)).containsExactly("SUBSCRIBE\nid:prices\ndestination:/topic/prices\n\n\0");
    assertThat(ledger.snapshot().conversation().firstReadyMillis()).containsExactly(100L);
  }

  @Test
  void countsGapsAndDuplicatesPerFeed() {
    ConversationState state = readyStomp();

    state.received(message("prices", 1), 0);
    state.received(message("prices", 2), 0);
    state.received(message("prices", 5), 0);        // 3 and 4 missed
    state.received(message("prices", 5), 0);        // again
    state.received(message("prices", 4), 0);        // late: below the last seen
    state.received(message("other", 1), 0);         // another feed starts at 1

    ClientLedger.ConversationFacts facts = ledger.snapshot().conversation();
    assertThat(facts.feedEvents()).isEqualTo(6);
    assertThat(facts.gaps()).isEqualTo(1);
    assertThat(facts.missed()).isEqualTo(2);
    assertThat(facts.duplicates()).isEqualTo(2);
    assertThat(state.lastSeq("prices")).isEqualTo(5);
  }

  @Test
  void afterAReconnectResumesFromTheLastSequenceNumberAndMeasuresTimeToReady() {
    ConversationState state = readyStomp();
    state.received(message("prices", 1), 0);
    state.received(message("prices", 2), 0);

    state.opened(5_000, 7_100, true);                 // loss noticed at 5 000, connected again at 7 100
    List<ConversationState.Outgoing> out = state.received("CONNECTED\nversion:1.2\n\n\0", 7_200);
    state.received(message("prices", 3), 7_300);

    assertThat(out).extracting(ConversationState.Outgoing::kind).containsExactly("resume");
    assertThat(out.get(0).text()).contains("id:prices\n").contains("x-resume-after:2\n");
    ClientLedger.ConversationFacts facts = ledger.snapshot().conversation();
    assertThat(facts.reconnectReadyMillis()).containsExactly(2_200L);
    assertThat(facts.resubscriptions()).isEqualTo(1);
    assertThat(facts.resumes()).isEqualTo(1);
    assertThat(facts.missed()).isZero();
  }

  @Test
  void withoutResumeAReconnectSubscribesAgainAndSeesTheGap() {
    ConversationState state = new ConversationState(ConversationPresets.stomp().withoutResume(), ledger, "c1");
    state.opened(0, 0, false);
    state.received("CONNECTED\n\n\0", 10);
    state.received(message("prices", 1), 20);

    state.opened(100, 200, true);
    List<ConversationState.Outgoing> out = state.received("CONNECTED\n\n\0", 300);
    state.received(message("prices", 9), 400);

    assertThat(out).extracting(ConversationState.Outgoing::kind).containsExactly("subscribe");
    ClientLedger.ConversationFacts facts = ledger.snapshot().conversation();
    assertThat(facts.resubscriptions()).isEqualTo(1);
    assertThat(facts.resumes()).isZero();
    assertThat(facts.missed()).isEqualTo(7);
  }

  @Test
  void graphqlWsAnswersPingsAndReadsEventsByJsonPointer() {
    ConversationState state = new ConversationState(ConversationPresets.graphqlWs(), ledger, "c\"1");
    List<ConversationState.Outgoing> open = state.opened(0, 0, false);
    assertThat(open.get(0).text()).isEqualTo("{\"type\":\"connection_init\",\"payload\":{\"clientId\":\"c\"1\"}}");

    assertThat(texts(state.received("{\"type\":\"ping\"}", 5))).containsExactly("{\"type\":\"pong\"}");
    assertThat(state.ready()).isFalse();
    List<ConversationState.Outgoing> out = state.received("{\"type\":\"connection_ack\"}", 10);
    state.received("{\"id\":\"tick\",\"type\":\"next\",\"payload\":{\"data\":{\"tick\":{\"seq\":1}}}}", 20);
    state.received("{\"id\":\"tick\",\"type\":\"next\",\"payload\":{\"data\":{\"tick\":{\"seq\":3}}}}", 30);
    state.received("{\"id\":\"tick\",\"type\":\"next\",\"payload\":{\"data\":{\"ok\":true}}}", 40);   // no seq

    assertThat(out).extracting(ConversationState.Outgoing::kind).containsExactly("subscribe");
    assertThat(out.get(0).text()).contains("\"id\":\"tick\"").contains("subscription { tick { seq } }");
    ClientLedger.ConversationFacts facts = ledger.snapshot().conversation();
    assertThat(facts.feedEvents()).isEqualTo(2);
    assertThat(facts.missed()).isEqualTo(1);
  }

  @Test
  void aReadyReplyThatDoesNotComeIsOverdueAfterTheReadyTimeout() {
    ConversationState state = new ConversationState(ConversationPresets.graphqlWs(), ledger, "c1");
    state.opened(0, 1_000, false);

    assertThat(state.readyOverdue(5_900)).isFalse();
    assertThat(state.readyOverdue(6_001)).isTrue();
    state.received("{\"type\":\"connection_ack\"}", 6_100);
    assertThat(state.readyOverdue(60_000)).isFalse();
  }

  @Test
  void aConversationWithoutReadyReplyIsReadyOnOpen() {
    ClientConversation plain = new ClientConversation("plain", null, List.of(), null, null, List.of(),
        List.of("a"), MessageTemplate.of("sub {{feed}}"), null, null);
    ConversationState state = new ConversationState(plain, ledger, "c1");

    assertThat(texts(state.opened(0, 30, false))).containsExactly("sub a");
    assertThat(state.ready()).isTrue();
  }

  @Test
  void aBadConversationIsRefusedNamingItsFields() {
    assertThatThrownBy(() -> new ClientConversation("bad", null,
        List.of(MessageTemplate.of("{{nope}}")), MessageMatch.text("(unclosed"), Duration.ofSeconds(1), List.of(),
        List.of("a"), null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("conversation 'bad'")
        .hasMessageContaining("onOpen[0]")
        .hasMessageContaining("ready.text")
        .hasMessageContaining("subscribe");
  }

  @Test
  void presetsByName() {
    assertThat(ClientBehaviour.parse("stomp")).isInstanceOf(ClientBehaviour.Conversation.class);
    assertThat(((ClientBehaviour.Conversation) ClientBehaviour.parse("graphql-ws")).conversation().subprotocol())
        .isEqualTo("graphql-transport-ws");
    assertThatThrownBy(() -> ConversationPresets.get("mqtt")).hasMessageContaining("use stomp or graphql-ws");
  }

  private ConversationState readyStomp() {
    ConversationState state = new ConversationState(ConversationPresets.stomp(), ledger, "c1");
    state.opened(0, 0, false);
    state.received("CONNECTED\nversion:1.2\n\n\0", 10);
    return state;
  }
}
