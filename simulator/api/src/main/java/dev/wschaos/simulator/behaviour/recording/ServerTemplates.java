package dev.wschaos.simulator.behaviour.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.wschaos.simulator.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a message the upstream sent into a template: JSON fields that echo a field of the client's message become
 * {@code {{message.FIELD}}}, the client id {@code {{clientId}}}, UUIDs {@code {{random.uuid}}}; a text message that
 * repeats the client's text becomes {@code {{text}}}. A message with nothing to generalise stays byte for byte; one
 * with something is written back as compact JSON by Jackson, the variables put in place of the values.
 */
final class ServerTemplates {

  /** A template and what was generalised in it, for the comment above it. */
  record Templated(String template, List<String> notes, List<String> echoes) {
    Templated(String template, List<String> notes) {
      this(template, notes, List.of());
    }
  }

  private static final Pattern UUID = Pattern.compile(
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final String MARK = "@@wschaos-var-";
  /** Mustache's own way to write "{{" as text: switch the delimiters for the rest of the message. */
  static final String LITERAL_BRACES = "{{=<% %>=}}";

  private ServerTemplates() {}

  /**
   * {@code text} as a template. {@code client} is the client message it answers (null for onOpen messages),
   * {@code fixed} maps JSON Pointers of the reply to expressions that win over echoes (a feed's sequence number).
   */
  static Templated of(String text, RecordedMessage client, String clientId, String discriminator,
                      Map<String, String> fixed) {
    JsonNode tree = Json.tree(text);
    if (tree != null && tree.isContainerNode()) {
      Templated json = ofJson(tree, client, clientId, discriminator, fixed);
      if (json != null) {
        return json;
      }
    }
    if (client != null && client.isText() && !client.text().isEmpty() && text.equals(client.text())) {
      return new Templated("{{text}}", List.of("echoes the client's message"));
    }
    return literal(text);
  }

  static Templated literal(String text) {
    if (text.contains("{{")) {
      return new Templated(LITERAL_BRACES + text, List.of("starts with " + LITERAL_BRACES
          + " so that its {{ are text, not variables"));
    }
    return new Templated(text, List.of());
  }

  private static Templated ofJson(JsonNode original, RecordedMessage client, String clientId, String discriminator,
                                  Map<String, String> fixed) {
    Map<String, JsonNode> clientLeaves = new LinkedHashMap<>();
    JsonNode clientJson = client != null && client.isText() ? Json.tree(client.text()) : null;
    if (clientJson != null && clientJson.isObject()) {
      collectLeaves(clientJson, "", clientLeaves);
      if (discriminator != null) {
        clientLeaves.remove(discriminator);
      }
    }
    JsonNode tree = original.deepCopy();
    Map<String, String> replacements = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    List<String> echoes = new ArrayList<>();
    walk(tree, "", (parent, key, pointer, value) -> {
      String expression = fixed.get(pointer);
      boolean inString = false;
      if (expression == null && value.isTextual()) {
        String v = value.asText();
        String echoed = echoOf(pointer, value, clientLeaves);
        if (clientId != null && clientId.length() >= 2 && v.equals(clientId)) {
          expression = "{{json.clientId}}";
          notes.add(pointer + ": the client id");
        } else if (echoed != null) {
          expression = "{{json.message." + echoed + "}}";
          echoes.add(echoed);
          notes.add(pointer + ": echoes the client's " + echoed);
        } else if (UUID.matcher(v).matches()) {
          expression = "{{random.uuid}}";
          notes.add(pointer + ": a UUID, drawn afresh");
        }
        inString = expression != null;
      } else if (expression == null && value.isIntegralNumber()) {
        String echoed = echoOf(pointer, value, clientLeaves);
        if (echoed != null) {
          expression = "{{message." + echoed + "}}";
          echoes.add(echoed);
          notes.add(pointer + ": echoes the client's " + echoed);
        }
      }
      if (expression != null) {
        String mark = MARK + replacements.size() + "@@";
        replacements.put("\"" + mark + "\"", inString ? "\"" + expression + "\"" : expression);
        set(parent, key, mark);
      }
    });
    if (replacements.isEmpty()) {
      return null;
    }
    String written = Json.write(tree);
    if (written.contains("{{")) {
      return null;
    }
    for (Map.Entry<String, String> replacement : replacements.entrySet()) {
      written = written.replace(replacement.getKey(), replacement.getValue());
    }
    return new Templated(written, notes, echoes);
  }

  /** The client field (as {@code a.b}) whose value the reply's field at {@code pointer} repeats, or null. */
  private static String echoOf(String pointer, JsonNode value, Map<String, JsonNode> clientLeaves) {
    String name = pointer.substring(pointer.lastIndexOf('/') + 1);
    String text = value.asText();
    String loose = null;
    for (Map.Entry<String, JsonNode> leaf : clientLeaves.entrySet()) {
      JsonNode candidate = leaf.getValue();
      if (candidate.isTextual() != value.isTextual() || !candidate.asText().equals(text)) {
        continue;
      }
      String field = leaf.getKey();
      if (field.substring(field.lastIndexOf('.') + 1).equals(name)) {
        return field;
      }
      if (loose == null && text.length() >= 3) {
        loose = field;
      }
    }
    return loose;
  }

  /** Leaves of objects (not inside arrays: templates cannot index them) as {@code a.b} paths. */
  private static void collectLeaves(JsonNode node, String prefix, Map<String, JsonNode> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!NAME.matcher(field.getKey()).matches()) {
        continue;
      }
      String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        collectLeaves(value, path, out);
      } else if (value.isTextual() || value.isIntegralNumber()) {
        out.put(path, value);
      }
    }
  }

  interface LeafVisitor {
    void visit(JsonNode parent, Object key, String pointer, JsonNode value);
  }

  /** Every scalar leaf of {@code node} with its JSON Pointer. */
  static void walk(JsonNode node, String pointer, LeafVisitor visitor) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        visitChild(node, name, node.get(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"), visitor);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        visitChild(node, i, node.get(i), pointer + "/" + i, visitor);
      }
    }
  }

  private static void visitChild(JsonNode parent, Object key, JsonNode child, String pointer, LeafVisitor visitor) {
    if (child.isContainerNode()) {
      walk(child, pointer, visitor);
    } else {
      visitor.visit(parent, key, pointer, child);
    }
  }

  private static void set(JsonNode parent, Object key, String mark) {
    if (parent instanceof ObjectNode object) {
      object.set((String) key, TextNode.valueOf(mark));
    } else {
      ((ArrayNode) parent).set((Integer) key, TextNode.valueOf(mark));
    }
  }
}
