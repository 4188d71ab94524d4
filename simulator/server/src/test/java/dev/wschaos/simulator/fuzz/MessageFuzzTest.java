package dev.wschaos.simulator.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.message.ClientMessage;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.MessageTemplate;
import dev.wschaos.simulator.message.TemplateVariables;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes what conversations are made of: {@link MessageMatch} (a {@code text} regex and a {@code json} field, then a
 * client message matched against them and its groups taken) and {@link MessageTemplate} (compiled, validated, then
 * rendered with a scope shaped like a conversation's). A match or template is either refused by {@code validate}
 * with a problem, or works on every message; nothing else may be thrown. Inputs are text, one part a line:
 * {@code messageMatch}: regex, {@code key=value}, then the message; {@code messageTemplate}: the template, then the
 * client message. Corpus: {@code src/test/resources/dev/wschaos/simulator/fuzz/MessageFuzzTestInputs/}.
 */
class MessageFuzzTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @FuzzTest(maxDuration = "30s")
  void messageMatch(byte[] input) {
    String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 3);
    String regex = parts[0].isEmpty() ? null : parts[0];
    Map<String, JsonNode> json = null;
    if (parts.length > 1 && parts[1].contains("=")) {
      String[] field = parts[1].split("=", 2);
      json = new LinkedHashMap<>();
      json.put(field[0], value(field[1]));
    }
    MessageMatch match = new MessageMatch(json, regex, null);
    Problems problems = Problems.root();
    match.validate(problems);
    if (!problems.isEmpty()) {
      return;
    }
    ClientMessage message = ClientMessage.text(parts.length > 2 ? parts[2] : "");
    if (match.matches(message)) {
      match.groups(message);
    }
    match.matches(ClientMessage.binary(input));
    match.toString();
  }

  @FuzzTest(maxDuration = "30s")
  void messageTemplate(byte[] input) {
    String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 2);
    MessageTemplate template = MessageTemplate.of(parts[0]);
    Problems problems = Problems.root();
    template.validate(problems, TemplateVariables.MESSAGE);
    if (!problems.isEmpty()) {
      return;
    }
    ClientMessage message = ClientMessage.text(parts.length > 1 ? parts[1] : "{}");
    template.render(scope(message));
  }

  private static JsonNode value(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception notJson) {
      return TextNode.valueOf(text);
    }
  }

  private static Map<String, Object> scope(ClientMessage message) {
    Map<String, Object> scope = new HashMap<>();
    scope.put("clientId", "fuzz");
    scope.put("attempt", 1);
    scope.put("connection", Map.of("id", 7L));
    scope.put("path", "/fuzz");
    scope.put("query", Map.of("room", "a"));
    scope.put("now", Map.of("millis", 0L, "iso", "1970-01-01T00:00:00Z"));
    scope.put("random", Map.of("uuid", "00000000-0000-0000-0000-000000000000", "id", "0", "number", 4));
    Object json = message.jsonValue();
    scope.put("message", json == null ? Map.of() : json);
    scope.put("text", message.text());
    scope.put("match", Map.of("0", message.text(), "1", "x"));
    scope.put("feed", Map.of("key", "k", "seq", 1L, "time", 0L, "list", List.of(1, 2)));
    scope.put("json", new HashMap<>(scope));
    return scope;
  }
}
