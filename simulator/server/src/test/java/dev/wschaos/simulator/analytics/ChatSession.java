package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.support.JdkClient;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One connection of a client of the made-up chat protocol ({@code conversations/chat.yaml}), driven step by step so a
 * test decides what the client does after a reconnect: authenticate, then subscribe, resume, or neither.
 */
final class ChatSession implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdkClient client;
  private long lastSeq;

  private ChatSession(JdkClient client) {
    this.client = client;
  }

  /** Connect as {@code clientId}, read hello, authenticate and wait for ready. */
  static ChatSession ready(URI chat, String clientId) throws Exception {
    ChatSession session = new ChatSession(JdkClient.connect(URI.create(chat + "?clientId=" + clientId), Map.of(),
        List.of("chat.v2")));
    session.awaitType("hello");
    session.client.send("{\"type\":\"auth\",\"user\":\"ana\"}");
    session.awaitType("ready");
    return session;
  }

  ChatSession subscribe(String room) {
    client.send("{\"type\":\"subscribe\",\"room\":\"" + room + "\"}");
    return this;
  }

  ChatSession resume(String room, long after) {
    client.send("{\"type\":\"resume\",\"room\":\"" + room + "\",\"lastSeq\":" + after + "}");
    return this;
  }

  /** Read messages until an event with a sequence number of at least {@code seq}; returns the last seq seen. */
  long eventsUpTo(long seq) throws Exception {
    while (lastSeq < seq) {
      JsonNode message = awaitType("event");
      lastSeq = message.path("seq").asLong();
    }
    return lastSeq;
  }

  JdkClient.Closed awaitClose() throws Exception {
    return client.awaitClose();
  }

  private JsonNode awaitType(String type) throws Exception {
    while (true) {
      String text = client.nextMessage();
      JsonNode message = JSON.readTree(text);
      if (type.equals(message.path("type").asText())) {
        return message;
      }
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
