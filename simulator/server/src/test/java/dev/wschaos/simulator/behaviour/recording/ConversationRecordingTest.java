package dev.wschaos.simulator.behaviour.recording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.behaviour.ConversationBehaviour;
import dev.wschaos.simulator.behaviour.Exchange;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.plan.PlanLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions generalised into a conversation plan, checked on the plan the loader reads back. */
class ConversationRecordingTest {

  private static RecordedSession session(long id, String clientId, String subprotocol, RecordedMessage... messages) {
    return new RecordedSession(id, clientId, 1, "/chat", "ws://127.0.0.1:9000", subprotocol,
        Instant.parse("2026-11-30T10:00:00Z").plusSeconds(id), List.of(messages), 0);
  }

  private static RecordedMessage in(long at, String text) {
    return RecordedMessage.fromClient(at, text);
  }

  private static RecordedMessage out(long at, String text) {
    return RecordedMessage.fromUpstream(at, text);
  }

  private static ConversationBehaviour conversation(ConversationRecording recording) {
    return (ConversationBehaviour) recording.plan().behaviour();
  }

  @Test
  void jsonMessagesBecomeStepsByTheirTypeWithEchoedFieldsAsTemplates() {
    ConversationRecording recording = ConversationRecording.of("chat", List.of(
        session(1, "c1", "chat.v2",
            out(0, "{\"type\":\"hello\",\"version\":2}"),
            in(5, "{\"type\":\"auth\",\"id\":\"a1\",\"user\":\"ana\"}"),
            out(6, "{\"type\":\"ready\",\"id\":\"a1\",\"user\":\"ana\",\"client\":\"c1\"}"),
            in(10, "{\"type\":\"ping\",\"id\":7}"),
            out(11, "{\"type\":\"pong\",\"id\":7}")),
        session(2, "c2", "chat.v2",
            out(0, "{\"type\":\"hello\",\"version\":2}"),
            in(5, "{\"type\":\"auth\",\"id\":\"b9\",\"user\":\"bob\"}"),
            out(6, "{\"type\":\"ready\",\"id\":\"b9\",\"user\":\"bob\",\"client\":\"c2\"}"))));

    ConversationBehaviour conversation = conversation(recording);
    assertThat(conversation.subprotocols()).containsExactly("chat.v2");
    assertThat(conversation.onOpen()).extracting(Object::toString).containsExactly("{\"type\":\"hello\",\"version\":2}");
    assertThat(conversation.on()).hasSize(2);
    Exchange auth = conversation.on().get(0);
    assertThat(auth.when().json()).containsOnlyKeys("type");
    assertThat(auth.reply()).extracting(Object::toString).containsExactly(
        "{\"type\":\"ready\",\"id\":\"{{json.message.id}}\",\"user\":\"{{json.message.user}}\","
            + "\"client\":\"{{json.clientId}}\"}");
    assertThat(conversation.on().get(1).reply()).extracting(Object::toString)
        .containsExactly("{\"type\":\"pong\",\"id\":{{message.id}}}");
    assertThat(recording.yaml()).contains("# type auth: 2 messages in 2 sessions, first from connection 1 (client c1");
  }

  @Test
  void numberedPushesBecomeAFeedWithTheMedianPeriod() {
    List<RecordedMessage> messages = new ArrayList<>(List.of(
        in(0, "{\"type\":\"subscribe\",\"room\":\"lobby\"}"),
        out(1, "{\"type\":\"subscribed\",\"room\":\"lobby\"}")));
    for (int seq = 1; seq <= 5; seq++) {
      messages.add(out(seq * 20L, "{\"type\":\"event\",\"room\":\"lobby\",\"seq\":" + seq + ",\"at\":"
          + (1_764_000_000_000L + seq * 20L) + "}"));
    }
    ConversationRecording recording = ConversationRecording.of("feed",
        List.of(session(1, "c1", null, messages.toArray(RecordedMessage[]::new))));

    Exchange subscribe = conversation(recording).on().get(0);
    assertThat(subscribe.reply()).extracting(Object::toString)
        .containsExactly("{\"type\":\"subscribed\",\"room\":\"{{json.message.room}}\"}");
    assertThat(subscribe.feed().every()).isEqualTo(Duration.ofMillis(20));
    assertThat(subscribe.feed().key().source()).isEqualTo("{{message.room}}");
    assertThat(subscribe.feed().send().source())
        .isEqualTo("{\"type\":\"event\",\"room\":\"{{json.message.room}}\",\"seq\":{{feed.seq}},\"at\":{{feed.time}}}");
  }

  @Test
  void textFramesMatchByTheirFirstWordOrExactlyAndBinaryAsBinary() {
    ConversationRecording recording = ConversationRecording.of("text", List.of(session(1, null, null,
        in(0, "SUBSCRIBE\nid:1\ndestination:/a\n\n\0"),
        out(1, "RECEIPT\nreceipt-id:1\n\n\0"),
        in(2, "SUBSCRIBE\nid:2\ndestination:/b\n\n\0"),
        out(3, "RECEIPT\nreceipt-id:2\n\n\0"),
        in(4, "PING"),
        out(5, "PING"),
        in(6, "{{ weird (text) }}"),
        out(7, "got {{ weird }}"),
        RecordedMessage.binary(true, 8, new byte[] {1, 2, 3}),
        RecordedMessage.binary(false, 9, new byte[] {3, 2, 1}))));

    List<Exchange> on = conversation(recording).on();
    assertThat(on).extracting(e -> e.when().text()).containsExactly("^SUBSCRIBE(\\s|$)", "^PING$",
        "^\\{\\{ weird \\(text\\) \\}\\}$", null);
    assertThat(on.get(1).reply()).extracting(Object::toString).containsExactly("{{text}}");
    assertThat(on.get(2).reply()).extracting(Object::toString)
        .containsExactly(ServerTemplates.LITERAL_BRACES + "got {{ weird }}");
    assertThat(on.get(2).reply().get(0).text().render(java.util.Map.of())).isEqualTo("got {{ weird }}");
    assertThat(on.get(3).when().binary()).isTrue();
    assertThat(on.get(3).reply().get(0).bytes()).containsExactly(3, 2, 1);
    assertThat(recording.yaml()).contains("# SUBSCRIBE: 2 messages in 1 session");
  }

  @Test
  void theWrittenYamlPassesThePlanLoadersValidationAsAFile() {
    ConversationRecording recording = ConversationRecording.of("empty", List.of());
    assertThat(PlanLoader.parse(recording.yaml(), "recorded.yaml").name()).isEqualTo("empty");
    assertThat(recording.yaml()).contains("# No proxied session was recorded");
  }
}
