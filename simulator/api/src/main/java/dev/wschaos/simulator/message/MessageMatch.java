package dev.wschaos.simulator.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.wschaos.simulator.common.Problems;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which client messages something applies to. Every field set must hold; none set matches every text message.
 * {@code json}: the message is JSON and holds each listed field with the given value (keys are field names or JSON
 * Pointers such as {@code /payload/user}; object values match as subsets; scalars compare by their text, so
 * {@code seq: 3} matches {@code 3} and {@code "3"}). {@code text}: a regular expression found in the text.
 * {@code binary: true}: a binary message.
 *
 * <pre>{@code
 * when: {json: {type: subscribe, /payload/channel: prices}}
 * when: {text: "^PING( (?<id>\\d+))?$"}
 * when: {binary: true}
 * }</pre>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MessageMatch {

  private static final ObjectMapper VALUES = new ObjectMapper();
  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

  private final Map<String, JsonNode> json;
  private final String text;
  private final Boolean binary;
  private final List<FieldCheck> checks = new ArrayList<>();
  private final Pattern pattern;
  private final Map<String, String> errors = new LinkedHashMap<>();

  private record FieldCheck(JsonPointer pointer, JsonNode expected) {}

  @JsonCreator
  public MessageMatch(
      @JsonProperty("json") Map<String, JsonNode> json,
      @JsonProperty("text") String text,
      @JsonProperty("binary") Boolean binary) {
    this.json = json == null ? null : new LinkedHashMap<>(json);
    this.text = text;
    this.binary = binary;
    if (json != null) {
      json.forEach((key, value) -> {
        try {
          JsonPointer pointer = key.startsWith("/") ? JsonPointer.compile(key)
              : JsonPointer.compile("/" + key.replace("~", "~0").replace("/", "~1"));
          checks.add(new FieldCheck(pointer, value == null ? JsonNodeFactory.instance.nullNode() : value));
        } catch (IllegalArgumentException e) {
          errors.put("json." + key, "'" + key + "' is not a JSON Pointer: " + e.getMessage());
        }
      });
    }
    Pattern compiled = null;
    if (text != null) {
      try {
        compiled = Pattern.compile(text);
      } catch (PatternSyntaxException e) {
        errors.put("text", "'" + text + "' is not a valid regular expression: " + e.getDescription()
            + " near index " + e.getIndex());
      }
    }
    this.pattern = compiled;
  }

  /** Text messages that are JSON with {@code field} equal to {@code value}. */
  public static MessageMatch json(String field, Object value) {
    return new MessageMatch(Map.of(field, VALUES.valueToTree(value)), null, null);
  }

  /** Text messages in which {@code regex} is found. */
  public static MessageMatch text(String regex) {
    return new MessageMatch(null, regex, null);
  }

  /** Binary messages. */
  public static MessageMatch anyBinary() {
    return new MessageMatch(null, null, true);
  }

  /** Every text message. */
  public static MessageMatch anyText() {
    return new MessageMatch(null, null, null);
  }

  @JsonProperty public Map<String, JsonNode> json() { return json; }
  @JsonProperty public String text() { return text; }
  @JsonProperty public Boolean binary() { return binary; }

  @JsonIgnore
  public boolean needsJson() {
    return !checks.isEmpty();
  }

  public boolean matches(ClientMessage message) {
    if (!message.isText()) {
      return Boolean.TRUE.equals(binary) && json == null && text == null;
    }
    if (Boolean.TRUE.equals(binary)) {
      return false;
    }
    if (pattern != null && !pattern.matcher(message.text()).find()) {
      return false;
    }
    if (!checks.isEmpty()) {
      JsonNode root = message.json();
      if (root == null) {
        return false;
      }
      for (FieldCheck check : checks) {
        if (!contains(root.at(check.pointer()), check.expected())) {
          return false;
        }
      }
    }
    return true;
  }

  /** The regex groups of a text match (by number and by name), for templates; empty without {@code text}. */
  public Map<String, String> groups(ClientMessage message) {
    if (pattern == null || !message.isText()) {
      return Map.of();
    }
    Matcher matcher = pattern.matcher(message.text());
    if (!matcher.find()) {
      return Map.of();
    }
    Map<String, String> groups = new LinkedHashMap<>();
    for (int i = 0; i <= matcher.groupCount(); i++) {
      if (matcher.group(i) != null) {
        groups.put(Integer.toString(i), matcher.group(i));
      }
    }
    for (Matcher names = GROUP_NAME.matcher(text); names.find(); ) {
      String name = names.group(1);
      String value = namedGroup(matcher, name);
      if (value != null) {
        groups.put(name, value);
      }
    }
    return groups;
  }

  /** The group's text; null when it did not take part or when {@code (?<name>} was not a group (escaped, in a class). */
  private static String namedGroup(Matcher matcher, String name) {
    try {
      return matcher.group(name);
    } catch (IllegalArgumentException notAGroup) {
      return null;
    }
  }

  public void validate(Problems problems) {
    errors.forEach((field, message) -> {
      Problems at = problems;
      for (String part : field.split("\\.", 2)) {
        at = at.at(part);
      }
      at.error(message);
    });
    if (Boolean.TRUE.equals(binary) && (json != null || text != null)) {
      problems.at("binary").error("a binary message has no text or JSON: use binary alone, or json/text alone");
    }
    if (Boolean.FALSE.equals(binary)) {
      problems.at("binary").error("only 'binary: true' is meaningful (leave it out to match text messages)");
    }
  }

  private static boolean contains(JsonNode actual, JsonNode expected) {
    if (actual == null || actual.isMissingNode()) {
      return false;
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!contains(actual.get(field.getKey()), field.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (expected.isValueNode() && actual.isValueNode() && !expected.isNull() && !actual.isNull()) {
      return expected.asText().equals(actual.asText());
    }
    return expected.equals(actual);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (json != null) {
      parts.add("json " + json);
    }
    if (text != null) {
      parts.add("text /" + text + "/");
    }
    if (binary != null) {
      parts.add("binary");
    }
    return parts.isEmpty() ? "any text" : String.join(" and ", parts);
  }
}
