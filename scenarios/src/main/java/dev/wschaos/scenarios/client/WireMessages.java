package dev.wschaos.scenarios.client;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wschaos.simulator.json.Json;

/**
 * The application messages a {@link WsClient} sends and reads, written and parsed as JSON with the simulator's
 * {@link Json} configuration (never by hand, never by regex).
 *
 * <pre>{@code
 * WireMessages.ping("c\"1", 7)                        // {"type":"ping","client":"c\"1","seq":7}
 * WireMessages.tickSeq("{\"ts\":1,\"seq\":42}")         // 42
 * WireMessages.tickSeq("echo 1 from c1")              // null
 * }</pre>
 */
public final class WireMessages {

  private WireMessages() {}

  /** A heartbeat ping. */
  @JsonPropertyOrder({"type", "client", "seq"})
  record Ping(String type, String client, long seq) {}

  /** The heartbeat ping number {@code seq} of {@code clientId}. */
  public static String ping(String clientId, long seq) {
    return Json.write(new Ping("ping", clientId, seq));
  }

  /** An echo conversation message; the reply must equal it. */
  public static String echo(String clientId, long seq) {
    return "echo " + seq + " from " + clientId;
  }

  /** The {@code seq} of a ticker message, or null when {@code text} is not a JSON object with a whole {@code seq}. */
  public static Long tickSeq(String text) {
    if (text == null || text.isEmpty() || text.charAt(0) != '{') {
      return null;
    }
    JsonNode node = Json.tree(text);
    JsonNode seq = node == null ? null : node.get("seq");
    return seq != null && seq.canConvertToLong() && seq.isIntegralNumber() ? seq.asLong() : null;
  }
}
