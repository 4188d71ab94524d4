package dev.wschaos.simulator.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.fault.ConnectionFault;
import dev.wschaos.simulator.fault.Fault;
import dev.wschaos.simulator.json.Json;

/**
 * What a conversation does with a client message no step matches: {@code ignore} (default), {@code echo} it, or
 * strike with a connection fault, e.g. a close with the protocol's "unsupported message" code.
 *
 * <pre>{@code
 * unmatched: ignore
 * unmatched: {type: close, code: 1003, reason: unsupported message}
 * }</pre>
 */
public final class Unmatched {

  public static final Unmatched IGNORE = new Unmatched("ignore", null, null);
  public static final Unmatched ECHO = new Unmatched("echo", null, null);

  private final Object mode;
  private final Fault fault;
  private final String error;

  private Unmatched(Object mode, Fault fault, String error) {
    this.mode = mode;
    this.fault = fault;
    this.error = error;
  }

  public static Unmatched fault(ConnectionFault fault) {
    try {
      ObjectMapper mapper = Json.mapper();
      return new Unmatched(mapper.readTree(mapper.writerFor(Fault.class).writeValueAsString(fault)), fault, null);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + fault, e);
    }
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Unmatched of(JsonNode node) {
    if (node.isTextual()) {
      return switch (node.asText()) {
        case "ignore" -> IGNORE;
        case "echo" -> ECHO;
        default -> new Unmatched(node.asText(), null, "'" + node.asText() + "' is not one of ignore, echo, "
            + "or a connection fault such as {type: close, code: 1003}");
      };
    }
    try {
      return new Unmatched(node, Json.mapper().treeToValue(node, Fault.class), null);
    } catch (Exception e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
      return new Unmatched(node, null, "not ignore, echo or a connection fault: " + message);
    }
  }

  /** The plan's text: the mode, or the fault as it was written. */
  @JsonValue
  Object value() {
    return mode;
  }

  public boolean ignores() {
    return fault == null && "ignore".equals(mode);
  }

  public boolean echoes() {
    return fault == null && "echo".equals(mode);
  }

  /** The fault to strike with, or null. */
  public ConnectionFault connectionFault() {
    return fault instanceof ConnectionFault f ? f : null;
  }

  public void validate(Problems problems) {
    if (error != null) {
      problems.error(error);
    } else if (fault != null && !(fault instanceof ConnectionFault)) {
      problems.error("'" + fault.type() + "' is a handshake fault; use a connection fault such as close or drop");
    } else if (fault != null) {
      fault.validate(problems);
    }
  }

  @Override
  public String toString() {
    return fault != null ? fault.toString() : String.valueOf(mode);
  }
}
