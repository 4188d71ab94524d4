package dev.wschaos.simulator.behaviour.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.wschaos.simulator.json.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a recorded conversation plan as YAML with {@code #} comments above its parts, in block style, with messages
 * in single quotes so the JSON inside reads as it went on the wire ({@code '{"type":"ready"}'}). A string single
 * quotes cannot hold (line breaks, control characters) is written by the shared YAML mapper, double-quoted with
 * escapes. The result is always read back by the plan loader, which is what checks this writer.
 */
final class RecordingYaml {

  /** A piece of the plan with the comment lines that go above it. */
  record Commented(List<String> comments, JsonNode value) {}

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./-]*|[0-9]+(ms|s|m|h)");
  private static final Set<String> RESERVED = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

  private final StringBuilder out = new StringBuilder();

  RecordingYaml comment(int indent, String line) {
    out.append(" ".repeat(indent)).append("# ").append(line.replace("\r", "\\r").replace("\n", "\\n")).append('\n');
    return this;
  }

  /** {@code key: value} at {@code indent}. */
  RecordingYaml field(int indent, String key, JsonNode value) {
    entry(indent, key, value);
    return this;
  }

  /** {@code key:} then the items of a list, each with its comments. */
  RecordingYaml list(int indent, String key, List<Commented> items) {
    if (items.isEmpty()) {
      return this;
    }
    out.append(" ".repeat(indent)).append(key).append(":\n");
    for (Commented item : items) {
      item.comments().forEach(line -> comment(indent + 2, line));
      item(indent + 2, item.value());
    }
    return this;
  }

  /** A line written as is (a key whose value follows indented). */
  RecordingYaml line(int indent, String text) {
    out.append(" ".repeat(indent)).append(text).append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void entry(int indent, String key, JsonNode value) {
    out.append(" ".repeat(indent)).append(scalar(key));
    value(indent, value);
  }

  /** After a key: a scalar on the same line, a non-empty container on the next lines. */
  private void value(int indent, JsonNode value) {
    if (value.isObject() && !value.isEmpty()) {
      out.append(":\n");
      fields(indent + 2, value);
    } else if (value.isArray() && !value.isEmpty()) {
      out.append(":\n");
      value.forEach(element -> item(indent + 2, element));
    } else {
      out.append(": ").append(inline(value)).append('\n');
    }
  }

  private void fields(int indent, JsonNode object) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      entry(indent, field.getKey(), field.getValue());
    }
  }

  /** {@code - value}, an object's first field on the dash's line and the others under it. */
  private void item(int indent, JsonNode value) {
    out.append(" ".repeat(indent)).append("- ");
    if (value.isObject() && !value.isEmpty()) {
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (first) {
          out.append(scalar(field.getKey()));
          value(indent + 2, field.getValue());
          first = false;
        } else {
          entry(indent + 2, field.getKey(), field.getValue());
        }
      }
    } else if (value.isArray() && !value.isEmpty()) {
      out.append('\n');
      value.forEach(element -> item(indent + 2, element));
    } else {
      out.append(inline(value)).append('\n');
    }
  }

  private static String inline(JsonNode value) {
    if (value.isObject()) {
      return "{}";
    }
    if (value.isArray()) {
      return "[]";
    }
    if (value.isTextual()) {
      return scalar(value.asText());
    }
    return value.asText();
  }

  private static String scalar(String text) {
    if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(java.util.Locale.ROOT))) {
      return text;
    }
    if (text.chars().allMatch(c -> c >= 0x20 && !Character.isISOControl(c) && c != 0x2028 && c != 0x2029 && c != 0xfeff)) {
      return "'" + text.replace("'", "''") + "'";
    }
    try {
      return Json.yaml().writeValueAsString(TextNode.valueOf(text)).strip();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a recorded value as YAML: " + e.getOriginalMessage(), e);
    }
  }
}
