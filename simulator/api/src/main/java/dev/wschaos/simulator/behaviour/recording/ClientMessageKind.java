package dev.wschaos.simulator.behaviour.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of client message this is, for a {@code when} matcher: a JSON object by the field that names its type
 * ({@code type}, {@code op}, {@code command}...), a text frame by its first word (STOMP's {@code SUBSCRIBE}), any
 * binary message, or else the exact text.
 */
record ClientMessageKind(String key, String label, String discriminator, JsonNode value, String word) {

  /** Fields that name a JSON message's type, in the order they are looked for. */
  static final List<String> DISCRIMINATORS = List.of("type", "op", "command", "cmd", "action", "event", "method",
      "kind");
  private static final Pattern FIRST_WORD = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.:-]*)(?=\\s|$)");

  static ClientMessageKind of(RecordedMessage message, JsonNode json) {
    if (!message.isText()) {
      return new ClientMessageKind("binary", "binary messages", null, null, null);
    }
    if (json != null && json.isObject()) {
      for (String field : DISCRIMINATORS) {
        JsonNode value = json.get(field);
        if (value != null && value.isValueNode() && !value.isNull()) {
          return new ClientMessageKind("json:" + field + "=" + value, field + " " + value.asText(), field, value,
              null);
        }
      }
    }
    if (json == null) {
      Matcher word = FIRST_WORD.matcher(message.text());
      if (word.find()) {
        return new ClientMessageKind("word:" + word.group(1), word.group(1), null, null, word.group(1));
      }
    }
    return new ClientMessageKind("exact:" + message.text(), message.preview(40), null, null, null);
  }

  /**
   * The {@code when} for messages of this kind; {@code samples} are their texts: a first word seen with one text
   * only matches that text exactly.
   */
  ObjectNode when(List<String> samples) {
    ObjectNode when = JsonNodeFactory.instance.objectNode();
    if (key.equals("binary")) {
      when.put("binary", true);
    } else if (discriminator != null) {
      when.putObject("json").set(discriminator, value);
    } else if (word != null && samples.stream().distinct().count() > 1) {
      when.put("text", "^" + word.replace(".", "\\.") + "(\\s|$)");
    } else {
      when.put("text", "^" + quote(samples.get(0)) + "$");
    }
    return when;
  }

  /** {@code text} as a regex that matches exactly it, escaping only what must be escaped (readable in YAML). */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\0') {
        out.append("\\x00");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
