package dev.wschaos.simulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wschaos.simulator.json.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JDK client of {@link JsonChatUpstream}'s protocol: hello, auth, subscribe and three events, then a ping answered
 * by a pong (events that arrive meanwhile are skipped). {@link #run} returns what it saw, in order, to compare runs.
 */
public final class JsonChatClient {

  private JsonChatClient() {}

  /** The subprotocol, then every message the client read until the pong, without events after the third. */
  public static List<String> run(URI url, String user, String authId, String room, int pingId) throws Exception {
    List<String> seen = new ArrayList<>();
    try (JdkClient client = JdkClient.connect(url, Map.of(), List.of("chat.v2", "chat.v1"))) {
      seen.add("subprotocol " + client.webSocket().getSubprotocol());
      seen.add(client.nextMessage());
      client.send(Json.write(Json.mapper().createObjectNode().put("type", "auth").put("id", authId)
          .put("user", user)));
      seen.add(client.nextMessage());
      client.send(Json.write(Json.mapper().createObjectNode().put("type", "subscribe").put("id", "sub-" + room)
          .put("room", room)));
      for (int i = 0; i < 4; i++) {
        seen.add(client.nextMessage());
      }
      client.send(Json.write(Json.mapper().createObjectNode().put("type", "ping").put("id", pingId)));
      String next;
      do {
        next = client.nextMessage();
      } while (typeOf(next).equals("event"));
      seen.add(next);
      client.webSocket().sendClose(1000, "done").join();
      client.awaitClose();
    }
    return seen;
  }

  private static String typeOf(String message) {
    JsonNode json = Json.tree(message);
    return json == null ? "" : json.path("type").asText();
  }
}
