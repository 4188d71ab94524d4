package dev.wschaos.simulator.behaviour.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wschaos.simulator.json.Json;
import java.util.List;

/**
 * Writes a recorded conversation plan as YAML with comments. Every value is written by the shared YAML mapper; this
 * class only puts the pieces under their keys, indented, with {@code #} comments above them.
 */
final class RecordingYaml {

  /** A piece of the plan with the comment lines that go above it. */
  record Commented(List<String> comments, JsonNode value) {}

  private final StringBuilder out = new StringBuilder();

  RecordingYaml comment(int indent, String line) {
    out.append(" ".repeat(indent)).append("# ").append(oneLine(line)).append('\n');
    return this;
  }

  RecordingYaml blank() {
    out.append('\n');
    return this;
  }

  /** {@code key: value} at {@code indent}, the value written by Jackson (block style for objects and lists). */
  RecordingYaml field(int indent, String key, JsonNode value) {
    ObjectNode one = JsonNodeFactory.instance.objectNode();
    one.set(key, value);
    out.append(indented(yaml(one), indent));
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
      out.append(indented(yaml(JsonNodeFactory.instance.arrayNode().add(item.value())), indent + 2));
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

  private static String yaml(JsonNode node) {
    try {
      return Json.yaml().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a recorded value as YAML: " + e.getOriginalMessage(), e);
    }
  }

  private static String indented(String text, int indent) {
    String pad = " ".repeat(indent);
    StringBuilder b = new StringBuilder();
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    for (String line : body.split("\n", -1)) {
      b.append(line.isEmpty() ? "" : pad).append(line).append('\n');
    }
    return b.toString();
  }

  private static String oneLine(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
