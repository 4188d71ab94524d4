package dev.wschaos.simulator.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One whole message from a client, as conversations and message triggers see it: text (parsed as JSON on first
 * need, once) or binary.
 *
 * <pre>{@code
 * ClientMessage m = ClientMessage.text("{\"type\":\"auth\"}");
 * m.json().get("type").asText(); // auth
 * }</pre>
 */
public final class ClientMessage {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String text;
  private final byte[] binary;
  private JsonNode json;
  private boolean parsed;

  private ClientMessage(String text, byte[] binary) {
    this.text = text;
    this.binary = binary;
  }

  public static ClientMessage text(String text) {
    return new ClientMessage(text, null);
  }

  public static ClientMessage binary(byte[] data) {
    return new ClientMessage(null, data);
  }

  public boolean isText() {
    return text != null;
  }

  /** The text, or null for a binary message. */
  public String text() {
    return text;
  }

  /** The bytes of a binary message, or null for text. */
  public byte[] binary() {
    return binary;
  }

  /** The text parsed as JSON; null for binary messages and text that is not JSON. */
  public JsonNode json() {
    if (!parsed) {
      parsed = true;
      if (text != null) {
        try {
          json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
          json = null;
        }
      }
    }
    return json;
  }

  /** The JSON as plain maps, lists and values (for templates); null when not JSON. */
  public Object jsonValue() {
    JsonNode node = json();
    return node == null ? null : JSON.convertValue(node, Object.class);
  }
}
