package dev.wschaos.simulator.behaviour.recording;

import java.time.Instant;
import java.util.List;

/**
 * A proxied session as the recorder kept it: who the client was, which upstream answered with which subprotocol,
 * and the messages both ways in order. {@code messagesLeftOut} counts messages past the recorder's limit.
 *
 * <pre>{@code
 * RecordedSession session = new RecordedSession(1, "c1", 1, "/chat/room1", "ws://127.0.0.1:9000", "chat.v2",
 *     Instant.now(), List.of(RecordedMessage.fromUpstream(0, "{\"type\":\"hello\"}")), 0);
 * }</pre>
 */
public record RecordedSession(long connectionId, String clientId, int attempt, String path, String upstream,
                              String subprotocol, Instant openedAt, List<RecordedMessage> messages,
                              int messagesLeftOut) {

  public RecordedSession {
    messages = List.copyOf(messages);
  }

  /** How a comment names this session. */
  String label() {
    return "connection " + connectionId + (clientId == null ? "" : " (client " + clientId + ", attempt " + attempt + ")")
        + " " + path;
  }
}
